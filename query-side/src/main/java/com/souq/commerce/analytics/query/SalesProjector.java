package com.souq.commerce.analytics.query;

import com.souq.commerce.ledger.api.JournalEntryPostedEvent;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.listing.api.ListingCreatedEvent;
import com.souq.commerce.listing.api.ListingEditedEvent;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.VendorOrderCreatedEvent;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.shared.pricing.PricedLine;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the sales facts analysts query: {@code analytics_sale_lines} (one row per line of a vendor order, with its
 * category and, once the capture is posted, its commission), {@code analytics_share_commission} (the rates each capture
 * entry recorded), {@code analytics_refunds} (every entry crediting refunds clearing, spread over the share's
 * categories) and {@code analytics_listings} (the categories). The daily view {@code analytics_daily_sales} sums them.
 *
 * <p>The group handles its events in one sequence, in store order ({@link AnalyticsSequencing}): a line's category
 * comes from its listing's events, and a share's capture may be posted before or after its vendor order is created, so
 * whichever comes second completes the line's commission. Every write is keyed (listing version, vendor order line,
 * journal entry), so a redelivered or replayed event changes nothing.
 */
@Component
@ProcessingGroup(SalesProjector.PROCESSING_GROUP)
class SalesProjector {

    static final String PROCESSING_GROUP = "analytics-sales";
    static final String UNKNOWN_CATEGORY = "uncategorized";

    private static final TypeReference<Map<String, Integer>> RATES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SalesProjector(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ListingCreatedEvent event, @SequenceNumber long version) {
        listing(event.listingId().value(), event.vendorId().value(), event.category().slug(), event.title(), version);
    }

    @EventHandler
    void on(ListingEditedEvent event, @SequenceNumber long version) {
        listing(event.listingId().value(), event.vendorId().value(), event.category().slug(), event.title(), version);
    }

    @EventHandler
    void on(VendorOrderCreatedEvent event, @Timestamp Instant at) {
        Map<String, PricedLine> priced = new HashMap<>();
        event.totals().lines().forEach(line -> priced.put(line.lineId(), line));
        List<OrderLine> lines = event.lines();
        for (int index = 0; index < lines.size(); index++) {
            OrderLine line = lines.get(index);
            PricedLine pricedLine = priced.get(line.listingId().value());
            Money total = pricedLine == null ? line.unitPrice().times(line.quantity()) : pricedLine.total();
            jdbc.sql("""
                            INSERT INTO analytics_sale_lines (vendor_order_id, line_no, order_id, vendor_id, listing_id,
                                                              category, quantity, unit_price_minor, line_total_minor,
                                                              vat_minor, currency, sold_at, sold_on)
                            VALUES (:vendorOrder, :line, :order, :vendor, :listing,
                                    coalesce((SELECT category FROM analytics_listings WHERE listing_id = :listing),
                                             :unknown),
                                    :quantity, :unitPrice, :total, :vat, :currency, :at, :on)
                            ON CONFLICT (vendor_order_id, line_no) DO NOTHING""")
                    .param("vendorOrder", uuid(event.vendorOrderId().value()))
                    .param("line", index + 1)
                    .param("order", uuid(event.orderId().value()))
                    .param("vendor", uuid(event.vendorId().value()))
                    .param("listing", uuid(line.listingId().value()))
                    .param("unknown", UNKNOWN_CATEGORY)
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice().minorUnits())
                    .param("total", total.minorUnits())
                    .param("vat", pricedLine == null ? 0 : pricedLine.vat().minorUnits())
                    .param("currency", total.currency().getCurrencyCode())
                    .param("at", utc(at))
                    .param("on", utc(at).toLocalDate())
                    .update();
        }
        completeCommission(event.vendorOrderId().value());
    }

    @EventHandler
    void on(JournalEntryPostedEvent event, @Timestamp Instant postedAt) {
        if (event.references() == null || event.references().vendorOrderId() == null) {
            return;
        }
        String vendorOrderId = event.references().vendorOrderId().value();
        Instant at = event.occurredAt() != null ? event.occurredAt() : postedAt;
        if (Operations.kindOf(event.operation()).equals("capture") && event.details() != null
                && event.details().containsKey("commission.amount")) {
            capture(event, vendorOrderId, at);
        }
        Map<String, Long> owedBack = new TreeMap<>();
        for (Posting posting : event.postings()) {
            if (posting.account().kind() == LedgerAccount.Kind.REFUNDS_CLEARING
                    && posting.side() == Posting.Side.CREDIT) {
                owedBack.merge(posting.amount().currency().getCurrencyCode(), posting.amount().minorUnits(),
                        Long::sum);
            }
        }
        if (!owedBack.isEmpty() && event.references().vendorId() != null) {
            owedBack.forEach((currency, amount) -> refund(event, vendorOrderId, currency, amount, at));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE analytics_listings, analytics_sale_lines, analytics_share_commission, analytics_refunds")
                .update();
    }

    private void listing(String listingId, String vendorId, String category, LocalizedText title, long version) {
        String name = title == null ? null : title.in("en").or(() -> title.values().values().stream().findFirst())
                .orElse(null);
        jdbc.sql("""
                        INSERT INTO analytics_listings (listing_id, vendor_id, category, title, version)
                        VALUES (:id, :vendor, :category, :title, :version)
                        ON CONFLICT (listing_id) DO UPDATE
                           SET category = excluded.category, title = excluded.title, version = excluded.version
                         WHERE analytics_listings.version < excluded.version""")
                .param("id", uuid(listingId))
                .param("vendor", uuid(vendorId))
                .param("category", category)
                .param("title", name)
                .param("version", version)
                .update();
    }

    private void capture(JournalEntryPostedEvent event, String vendorOrderId, Instant at) {
        Map<String, Integer> rates = new TreeMap<>();
        event.details().forEach((key, value) -> {
            if (key.startsWith("commission.rate.")) {
                rates.put(key.substring("commission.rate.".length()), Integer.parseInt(value));
            }
        });
        String currency = event.postings().getFirst().amount().currency().getCurrencyCode();
        jdbc.sql("""
                        INSERT INTO analytics_share_commission (vendor_order_id, entry_id, rates, commission_minor,
                                                                commission_vat_minor, currency, captured_at)
                        VALUES (:vendorOrder, :entry, CAST(:rates AS jsonb), :commission, :vat, :currency, :at)
                        ON CONFLICT (vendor_order_id) DO NOTHING""")
                .param("vendorOrder", uuid(vendorOrderId))
                .param("entry", uuid(event.entryId().value()))
                .param("rates", json.writeValueAsString(rates))
                .param("commission", Long.parseLong(event.details().get("commission.amount")))
                .param("vat", Long.parseLong(event.details().getOrDefault("commission.vat.amount", "0")))
                .param("currency", currency)
                .param("at", utc(at))
                .update();
        completeCommission(vendorOrderId);
    }

    /**
     * Once both a share's lines and its capture's rates are known, each line's commission: its total × the rate of its
     * category (the default rate when the capture recorded none for it), rounded half-even, as the commission rule
     * computes it, so the lines of a share sum to the commission its entry posted.
     */
    private void completeCommission(String vendorOrderId) {
        UUID id = uuid(vendorOrderId);
        List<Map<String, Integer>> recorded = jdbc.sql(
                        "SELECT rates FROM analytics_share_commission WHERE vendor_order_id = :id")
                .param("id", id)
                .query((row, index) -> json.readValue(row.getString("rates"), RATES))
                .list();
        if (recorded.isEmpty()) {
            return;
        }
        Map<String, Integer> rates = recorded.getFirst();
        record Line(int lineNo, String category, long total, String currency) {
        }
        List<Line> lines = jdbc.sql("""
                        SELECT line_no, category, line_total_minor, currency FROM analytics_sale_lines
                         WHERE vendor_order_id = :id AND commission_minor IS NULL""")
                .param("id", id)
                .query((row, index) -> new Line(row.getInt("line_no"), row.getString("category"),
                        row.getLong("line_total_minor"), row.getString("currency")))
                .list();
        for (Line line : lines) {
            Integer rate = rates.getOrDefault(line.category(), rates.getOrDefault("default", 0));
            long commission = Money.of(line.total(), line.currency()).times(new Rate(rate)).minorUnits();
            jdbc.sql("""
                            UPDATE analytics_sale_lines SET commission_minor = :commission
                             WHERE vendor_order_id = :id AND line_no = :line AND commission_minor IS NULL""")
                    .param("commission", commission)
                    .param("id", id)
                    .param("line", line.lineNo())
                    .update();
        }
    }

    /**
     * Money owed back for a share, spread over its categories in proportion to what the customer paid for each (line
     * totals + VAT); the rounding remainder goes to the largest. A share whose lines are unknown books it all under
     * {@value #UNKNOWN_CATEGORY}.
     */
    private void refund(JournalEntryPostedEvent event, String vendorOrderId, String currency, long amount,
                        Instant at) {
        Map<String, Long> weights = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT category, sum(line_total_minor + vat_minor) AS paid FROM analytics_sale_lines
                         WHERE vendor_order_id = :id AND currency = :currency GROUP BY category ORDER BY paid DESC,
                               category""")
                .param("id", uuid(vendorOrderId))
                .param("currency", currency)
                .query((row, index) -> weights.put(row.getString("category"), row.getLong("paid")))
                .list();
        long whole = weights.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> shares = new LinkedHashMap<>();
        if (whole <= 0) {
            shares.put(UNKNOWN_CATEGORY, amount);
        } else {
            long spread = 0;
            List<String> categories = new ArrayList<>(weights.keySet());
            for (String category : categories) {
                long part = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights.get(category)))
                        .divide(BigInteger.valueOf(whole)).longValueExact();
                shares.put(category, part);
                spread += part;
            }
            shares.merge(categories.getFirst(), amount - spread, Long::sum);
        }
        shares.forEach((category, part) -> jdbc.sql("""
                        INSERT INTO analytics_refunds (entry_id, category, operation_kind, vendor_order_id, order_id,
                                                       vendor_id, amount_minor, currency, refunded_at, refunded_on)
                        VALUES (:entry, :category, :kind, :vendorOrder, :order, :vendor, :amount, :currency, :at, :on)
                        ON CONFLICT (entry_id, category) DO NOTHING""")
                .param("entry", uuid(event.entryId().value()))
                .param("category", category)
                .param("kind", Operations.kindOf(event.operation()))
                .param("vendorOrder", uuid(vendorOrderId))
                .param("order", event.references().orderId() == null ? null
                        : uuid(event.references().orderId().value()))
                .param("vendor", uuid(event.references().vendorId().value()))
                .param("amount", part)
                .param("currency", currency)
                .param("at", utc(at))
                .param("on", utc(at).toLocalDate())
                .update());
    }

    private static UUID uuid(String value) {
        return UUID.fromString(value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
