package com.souq.commerce.audit.query;

import com.souq.commerce.audit.query.api.CommissionWhatIf;
import com.souq.commerce.audit.query.api.VendorPayoutDifference;
import com.souq.commerce.ledger.api.JournalEntryPostedEvent;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.listing.api.ListingCreatedEvent;
import com.souq.commerce.listing.api.ListingEditedEvent;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.vendor.api.CommissionPlan;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What-if commission: replays, in store order up to the end of the period, the events the commission rule reads
 * (listings' categories, paid orders' lines, the journal's capture and reversal entries) and recomputes every capture
 * of the period with a proposed plan by the same rule as the commission process: per line, line total × the rate of
 * its category (the plan's default otherwise) rounded half-even, VAT on the commission at the rate the capture entry
 * recorded, payable = share total - commission - VAT on it. The real commission and payable are those the capture
 * entry recorded. Everything is computed in memory: nothing is written anywhere.
 */
@Component
public class CommissionShadow {

    private static final String CREATED = ListingCreatedEvent.class.getName();
    private static final String EDITED = ListingEditedEvent.class.getName();
    private static final String PAID = OrderPaidEvent.class.getName();
    private static final String POSTED = JournalEntryPostedEvent.class.getName();

    private final EventStoreCursor cursor;
    private final Serializer serializer;

    CommissionShadow(EventStoreCursor cursor, @Qualifier("eventSerializer") Serializer serializer) {
        this.cursor = cursor;
        this.serializer = serializer;
    }

    /** {@code vendorId} null: every vendor. */
    public CommissionWhatIf run(CommissionPlan plan, Instant from, Instant to, String vendorId) {
        long started = System.nanoTime();
        Map<String, String> categories = new HashMap<>();
        Map<String, List<OrderLine>> paidLines = new HashMap<>();
        Map<String, Share> shares = new HashMap<>();
        Set<String> reversed = new HashSet<>();
        long[] progress = new long[2];
        cursor.stream("""
                        SELECT globalindex, payloadtype, payloadrevision, payload, CAST(timestamp AS timestamptz) >= :from
                               AS in_period
                          FROM domainevententry
                         WHERE payloadtype IN (:types) AND CAST(timestamp AS timestamptz) < :to
                         ORDER BY globalindex""",
                Map.of("types", List.of(CREATED, EDITED, PAID, POSTED), "from", from.atOffset(ZoneOffset.UTC),
                        "to", to.atOffset(ZoneOffset.UTC)),
                row -> {
                    progress[0]++;
                    progress[1] = row.getLong("globalindex");
                    Object event = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"),
                            byte[].class, row.getString("payloadtype"), row.getString("payloadrevision")));
                    switch (event) {
                        case ListingCreatedEvent created ->
                                categories.put(created.listingId().value(), created.category().slug());
                        case ListingEditedEvent edited ->
                                categories.put(edited.listingId().value(), edited.category().slug());
                        case OrderPaidEvent paid -> paidLines.put(paid.orderId().value(), paid.lines());
                        case JournalEntryPostedEvent posted -> {
                            String kind = Operations.kindOf(posted.operation());
                            if (kind.equals("reversal") && posted.references() != null
                                    && posted.references().vendorOrderId() != null) {
                                reversed.add(posted.references().vendorOrderId().value());
                            } else if (kind.equals("capture") && row.getBoolean("in_period")) {
                                Share share = Share.of(posted, plan, paidLines, categories);
                                if (share != null && (vendorId == null || vendorId.equals(share.vendorId()))) {
                                    shares.put(share.vendorOrderId(), share);
                                }
                            }
                        }
                        default -> {
                        }
                    }
                });
        Map<String, long[]> byVendor = new TreeMap<>();
        for (Share share : shares.values()) {
            long[] sums = byVendor.computeIfAbsent(share.vendorId() + "/" + share.currency(), key -> new long[6]);
            if (reversed.contains(share.vendorOrderId())) {
                sums[1]++;
                continue;
            }
            sums[0]++;
            sums[2] += share.actualCommission();
            sums[3] += share.proposedCommission();
            sums[4] += share.actualPayable();
            sums[5] += share.proposedPayable();
        }
        List<VendorPayoutDifference> vendors = new ArrayList<>();
        byVendor.forEach((key, sums) -> {
            String currency = key.substring(key.indexOf('/') + 1);
            vendors.add(new VendorPayoutDifference(key.substring(0, key.indexOf('/')), currency, sums[0], sums[1],
                    Money.of(sums[2], currency), Money.of(sums[3], currency), Money.of(sums[4], currency),
                    Money.of(sums[5], currency), Money.of(sums[5] - sums[4], currency)));
        });
        Map<String, Integer> categoryRates = new TreeMap<>();
        plan.categoryRates().forEach((category, rate) -> categoryRates.put(category, rate.basisPoints()));
        return new CommissionWhatIf(from, to, plan.defaultRate().basisPoints(), categoryRates, progress[0],
                progress[1], (System.nanoTime() - started) / 1_000_000.0, vendors);
    }

    /** One captured vendor share, as charged and as the proposed plan would charge it (minor units). */
    private record Share(String vendorOrderId, String vendorId, String currency, long actualCommission,
                         long proposedCommission, long actualPayable, long proposedPayable) {

        /** Null when the entry does not say what the rule needs (no vendor, order or figures): nothing is guessed. */
        static Share of(JournalEntryPostedEvent capture, CommissionPlan plan, Map<String, List<OrderLine>> paidLines,
                        Map<String, String> categories) {
            var references = capture.references();
            Map<String, String> details = capture.details();
            if (references == null || references.vendorId() == null || references.orderId() == null
                    || references.vendorOrderId() == null || details == null || !details.containsKey("share.total")
                    || !details.containsKey("vendor.payable") || !details.containsKey("commission.amount")) {
                return null;
            }
            List<OrderLine> lines = paidLines.getOrDefault(references.orderId().value(), List.of()).stream()
                    .filter(line -> line.vendorId().equals(references.vendorId()))
                    .toList();
            if (lines.isEmpty()) {
                return null;
            }
            String currency = lines.getFirst().unitPrice().currency().getCurrencyCode();
            Money commission = Money.of(0, currency);
            for (OrderLine line : lines) {
                String category = categories.get(line.listingId().value());
                Rate rate = category == null ? plan.defaultRate() : plan.rateFor(category);
                commission = commission.plus(line.unitPrice().times(line.quantity()).times(rate));
            }
            Rate vat = new Rate(Integer.parseInt(details.getOrDefault("commission.vat.rate", "0")));
            Money tax = commission.times(vat);
            long total = Long.parseLong(details.get("share.total"));
            return new Share(references.vendorOrderId().value(), references.vendorId().value(), currency,
                    Long.parseLong(details.get("commission.amount")), commission.minorUnits(),
                    Long.parseLong(details.get("vendor.payable")),
                    total - commission.minorUnits() - tax.minorUnits());
        }
    }
}
