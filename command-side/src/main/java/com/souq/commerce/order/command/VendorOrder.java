package com.souq.commerce.order.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.order.api.AcceptVendorOrderCommand;
import com.souq.commerce.order.api.ApproveRefundCommand;
import com.souq.commerce.order.api.CancelVendorOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.CloseVendorOrderReturnsCommand;
import com.souq.commerce.order.api.CreateVendorOrderCommand;
import com.souq.commerce.order.api.MarkVendorOrderDeliveredCommand;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.RefundLine;
import com.souq.commerce.order.api.RefundRejectedEvent;
import com.souq.commerce.order.api.RefundRequestedEvent;
import com.souq.commerce.order.api.RejectRefundCommand;
import com.souq.commerce.order.api.RejectVendorOrderCommand;
import com.souq.commerce.order.api.RequestRefundCommand;
import com.souq.commerce.order.api.ShipVendorOrderCommand;
import com.souq.commerce.order.api.VendorOrderAcceptedEvent;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderCreatedEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.order.api.VendorOrderReturnsClosedEvent;
import com.souq.commerce.order.api.VendorOrderShippedEvent;
import com.souq.commerce.order.api.VendorOrderStatus;
import com.souq.commerce.platform.axon.AggregateCaching;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.PricedLine;
import com.souq.commerce.vendor.api.VendorId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One vendor's share of a paid order: its lines, shipping and VAT, fulfilled by that vendor alone.
 *
 * <p>Lifecycle: CREATED → ACCEPTED → SHIPPED → DELIVERED; CREATED → REJECTED; CREATED or ACCEPTED → CANCELLED.
 *
 * <p>Invariants: only its own vendor (or staff, {@code actingVendorId} null) accepts, rejects, ships and delivers it;
 * only its customer, its vendor or staff cancel it. Once shipped it can no longer be cancelled or rejected. Splitting
 * an order twice creates it once. Repeating the step it is already at changes nothing, so a retried request is safe.
 *
 * <p>Refunds: its customer (or staff) asks for some of its lines or an amount back (REQUESTED); its vendor or an
 * administrator approves (APPROVED) or declines (REJECTED) it. The refunds approved never add up to more than the
 * share's total, which is what was captured for it: an approval above the remainder is refused
 * ({@code REFUND_EXCEEDS_CAPTURED}), so of two refunds racing for the same remainder one wins. A line's refunded
 * quantity never exceeds what was bought. Rejecting or cancelling the share approves, in the same step, an automatic
 * refund of all that is left (declining the open requests). Once the return window of the delivered share closes
 * (the commission process says so), nothing more is requested or approved and open requests are declined.
 */
@Aggregate(cache = AggregateCaching.CACHE)
class VendorOrder {

    static final String REFUND_EXCEEDS_CAPTURED = "REFUND_EXCEEDS_CAPTURED";
    static final String RETURN_WINDOW_CLOSED = "RETURN_WINDOW_CLOSED";

    @AggregateIdentifier
    private VendorOrderId vendorOrderId;
    private OrderId orderId;
    private VendorId vendorId;
    private String customerSubject;
    private List<OrderLine> lines;
    private Money total;
    private VendorOrderStatus status;
    private final Map<String, PricedLine> pricedLines = new LinkedHashMap<>();
    private final Map<RefundId, Refund> refunds = new LinkedHashMap<>();
    private final Map<String, Integer> approvedQuantities = new HashMap<>();
    private long approved;
    private boolean returnsClosed;

    protected VendorOrder() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateVendorOrderCommand command) {
        if (status != null) {
            return;
        }
        apply(new VendorOrderCreatedEvent(command.vendorOrderId(), command.orderId(), command.vendorId(),
                command.customerSubject(), command.address(), List.copyOf(command.lines()), command.totals()));
    }

    @CommandHandler
    void handle(AcceptVendorOrderCommand command) {
        requireOwnVendor(command.actingVendorId());
        if (status == VendorOrderStatus.ACCEPTED) {
            return;
        }
        requireStatus(VendorOrderStatus.CREATED, "accepted");
        apply(new VendorOrderAcceptedEvent(vendorOrderId, orderId, vendorId));
    }

    @CommandHandler
    void handle(RejectVendorOrderCommand command) {
        requireOwnVendor(command.actingVendorId());
        if (status == VendorOrderStatus.REJECTED) {
            return;
        }
        requireStatus(VendorOrderStatus.CREATED, "rejected");
        apply(new VendorOrderRejectedEvent(vendorOrderId, orderId, vendorId, command.reason(), lines, total));
        refundTheRest(command.actingVendorId() == null ? null : "vendor:" + command.actingVendorId(),
                "Vendor order rejected: " + command.reason());
    }

    @CommandHandler
    void handle(ShipVendorOrderCommand command) {
        requireOwnVendor(command.actingVendorId());
        if (status == VendorOrderStatus.SHIPPED) {
            return;
        }
        requireStatus(VendorOrderStatus.ACCEPTED, "shipped");
        apply(new VendorOrderShippedEvent(vendorOrderId, orderId, vendorId, command.carrier(),
                command.trackingReference(), lines));
    }

    @CommandHandler
    void handle(MarkVendorOrderDeliveredCommand command) {
        requireOwnVendor(command.actingVendorId());
        if (status == VendorOrderStatus.DELIVERED) {
            return;
        }
        requireStatus(VendorOrderStatus.SHIPPED, "delivered");
        apply(new VendorOrderDeliveredEvent(vendorOrderId, orderId, vendorId));
    }

    @CommandHandler
    void handle(CancelVendorOrderCommand command) {
        requireMayCancel(command);
        if (status == VendorOrderStatus.CANCELLED || status == VendorOrderStatus.REJECTED) {
            return;
        }
        if (status.hasShipped()) {
            if (command.wholeOrder()) {
                return;
            }
            throw DomainRuleViolation.illegalTransition("vendor order", status, "cancelled");
        }
        apply(new VendorOrderCancelledEvent(vendorOrderId, orderId, vendorId, command.party(), command.subject(),
                command.reason(), lines, total, customerSubject));
        refundTheRest(command.subject(), "Vendor order cancelled: " + command.reason());
    }

    @CommandHandler
    void handle(RequestRefundCommand command) {
        if (command.subject() != null && !customerSubject.equals(command.subject())) {
            throw DomainRuleViolation.forbidden("NOT_YOUR_ORDER",
                    "Vendor order " + vendorOrderId + " is another customer's");
        }
        if (command.refundId() == null || command.destination() == null) {
            throw DomainRuleViolation.unprocessable("INCOMPLETE_REFUND",
                    "A refund request names its id and where the money goes");
        }
        Refund earlier = refunds.get(command.refundId());
        if (earlier != null) {
            if (!earlier.requestedAs(command)) {
                throw DomainRuleViolation.unprocessable("REFUND_ID_REUSED",
                        "Refund " + command.refundId() + " was requested with other content");
            }
            return;
        }
        requireOpenToRefunds("requested");
        List<RefundLine> refundLines = command.lines() == null ? List.of() : List.copyOf(command.lines());
        Money amount = amountOf(refundLines, command.amount());
        if (amount.minorUnits() > remainder()) {
            throw exceedsCaptured(amount);
        }
        apply(new RefundRequestedEvent(command.refundId(), vendorOrderId, orderId, vendorId, customerSubject,
                command.subject(), amount, refundLines, command.destination(), command.restock(), command.reason()));
    }

    @CommandHandler
    void handle(ApproveRefundCommand command) {
        requireOwnVendor(command.actingVendorId());
        Refund refund = refundOf(command.refundId());
        if (refund.state() == RefundState.APPROVED) {
            return;
        }
        requireRequested(refund, "approved");
        requireOpenToRefunds("approved");
        if (refund.amount() > remainder()) {
            throw exceedsCaptured(money(refund.amount()));
        }
        for (RefundLine line : refund.lines()) {
            if (approvedQuantities.getOrDefault(line.listingId().value(), 0) + line.quantity()
                    > pricedLines.get(line.listingId().value()).quantity()) {
                throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, REFUND_EXCEEDS_CAPTURED,
                        "Listing " + line.listingId() + " of vendor order " + vendorOrderId
                                + " would be refunded more often than it was bought");
            }
        }
        apply(approval(command.refundId(), money(refund.amount()), refund.lines(), refund.destination(),
                refund.restock(), false, command.subject(), refund.reason()));
    }

    @CommandHandler
    void handle(RejectRefundCommand command) {
        requireOwnVendor(command.actingVendorId());
        Refund refund = refundOf(command.refundId());
        if (refund.state() == RefundState.REJECTED) {
            return;
        }
        requireRequested(refund, "rejected");
        apply(new RefundRejectedEvent(command.refundId(), vendorOrderId, orderId, vendorId, customerSubject,
                money(refund.amount()), command.subject(), command.reason()));
    }

    /** Answers the total of the refunds approved, which is final from now on. */
    @CommandHandler
    Money handle(CloseVendorOrderReturnsCommand command) {
        if (returnsClosed) {
            return money(approved);
        }
        declineOpenRequests(RETURN_WINDOW_CLOSED + ": the return window of the vendor order passed");
        apply(new VendorOrderReturnsClosedEvent(vendorOrderId, orderId, vendorId, money(approved)));
        return money(approved);
    }

    /** The share was rejected or cancelled: all that was not refunded yet goes back to the customer. */
    private void refundTheRest(String by, String reason) {
        declineOpenRequests("The whole vendor order is refunded: " + reason);
        if (remainder() > 0) {
            apply(approval(RefundId.forWithdrawal(vendorOrderId), money(remainder()), List.of(),
                    RefundDestination.ORIGINAL_PAYMENT, false, true, by, reason));
        }
    }

    private RefundApprovedEvent approval(RefundId refundId, Money amount, List<RefundLine> refundLines,
                                         RefundDestination destination, boolean restock, boolean automatic,
                                         String by, String reason) {
        return new RefundApprovedEvent(refundId, vendorOrderId, orderId, vendorId, customerSubject,
                PaymentId.forOrder(orderId), amount, total, money(approved + amount.minorUnits()), refundLines,
                destination, restock, automatic, by, reason);
    }

    private void declineOpenRequests(String reason) {
        refunds.entrySet().stream()
                .filter(entry -> entry.getValue().state() == RefundState.REQUESTED)
                .map(entry -> new RefundRejectedEvent(entry.getKey(), vendorOrderId, orderId, vendorId,
                        customerSubject, money(entry.getValue().amount()), null, reason))
                .toList()
                .forEach(event -> apply(event));
    }

    /**
     * What a request comes to: an amount as given; lines as each line's goods (unit price × quantity) and its VAT pro
     * rata of the quantity, rounded half-even on what the line has refunded so far in all (so refunding a line in
     * parts gives back exactly its VAT); neither, the whole remainder of the share.
     */
    private Money amountOf(List<RefundLine> refundLines, Money amount) {
        if (!refundLines.isEmpty() && amount != null) {
            throw DomainRuleViolation.unprocessable("AMBIGUOUS_REFUND", "A refund names lines or an amount, not both");
        }
        if (amount != null) {
            if (!amount.currency().equals(total.currency())) {
                throw DomainRuleViolation.unprocessable("CURRENCY_MISMATCH", "Vendor order " + vendorOrderId
                        + " is in " + total.currency().getCurrencyCode() + ", not "
                        + amount.currency().getCurrencyCode());
            }
            if (amount.isNegative() || amount.isZero()) {
                throw DomainRuleViolation.unprocessable("INVALID_AMOUNT", "A refund is for a positive amount");
            }
            return amount;
        }
        if (refundLines.isEmpty()) {
            if (remainder() == 0) {
                throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "NOTHING_TO_REFUND",
                        "Vendor order " + vendorOrderId + " is refunded in full");
            }
            return money(remainder());
        }
        long sum = 0;
        Map<String, Integer> asked = new HashMap<>();
        for (RefundLine line : refundLines) {
            PricedLine priced = line == null || line.listingId() == null ? null
                    : pricedLines.get(line.listingId().value());
            if (priced == null) {
                throw DomainRuleViolation.unprocessable("UNKNOWN_LINE",
                        "Vendor order " + vendorOrderId + " has no line of that listing");
            }
            if (line.quantity() < 1) {
                throw DomainRuleViolation.unprocessable("INVALID_QUANTITY", "A refunded line has a positive quantity");
            }
            int before = approvedQuantities.getOrDefault(priced.lineId(), 0) + pendingQuantity(priced.lineId())
                    + asked.getOrDefault(priced.lineId(), 0);
            if (before + line.quantity() > priced.quantity()) {
                throw DomainRuleViolation.unprocessable("QUANTITY_EXCEEDS_ORDERED", "Only " + (priced.quantity()
                        - before) + " of listing " + priced.lineId() + " are left to refund");
            }
            asked.merge(priced.lineId(), line.quantity(), Integer::sum);
            sum += priced.unitPrice().minorUnits() * line.quantity()
                    + vatUpTo(priced, before + line.quantity()) - vatUpTo(priced, before);
        }
        return money(sum);
    }

    private static long vatUpTo(PricedLine line, int quantity) {
        return BigDecimal.valueOf(line.vat().minorUnits()).multiply(BigDecimal.valueOf(quantity))
                .divide(BigDecimal.valueOf(line.quantity()), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private int pendingQuantity(String lineId) {
        return refunds.values().stream().filter(refund -> refund.state() == RefundState.REQUESTED)
                .flatMap(refund -> refund.lines().stream())
                .filter(line -> line.listingId().value().equals(lineId))
                .mapToInt(RefundLine::quantity).sum();
    }

    private void requireOpenToRefunds(String action) {
        if (status == VendorOrderStatus.REJECTED || status == VendorOrderStatus.CANCELLED) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "ILLEGAL_STATE_TRANSITION",
                    "Vendor order " + vendorOrderId + " is " + status + " and refunded in full: no refund is "
                            + action + " any more");
        }
        if (returnsClosed) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, RETURN_WINDOW_CLOSED,
                    "The return window of vendor order " + vendorOrderId + " passed: no refund is " + action);
        }
    }

    private Refund refundOf(RefundId refundId) {
        Refund refund = refundId == null ? null : refunds.get(refundId);
        if (refund == null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                    "Vendor order " + vendorOrderId + " has no refund " + refundId);
        }
        return refund;
    }

    private static void requireRequested(Refund refund, String action) {
        if (refund.state() != RefundState.REQUESTED) {
            throw DomainRuleViolation.illegalTransition("refund", refund.state(), action);
        }
    }

    private long remainder() {
        return total.minorUnits() - approved;
    }

    private DomainRuleViolation exceedsCaptured(Money amount) {
        return new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, REFUND_EXCEEDS_CAPTURED,
                "Vendor order " + vendorOrderId + " had " + total + " captured and " + money(approved)
                        + " refunded: " + amount + " more is too much");
    }

    private Money money(long minorUnits) {
        return new Money(minorUnits, total.currency());
    }

    private void requireOwnVendor(VendorId actingVendorId) {
        if (actingVendorId != null && !actingVendorId.equals(vendorId)) {
            throw DomainRuleViolation.forbidden("NOT_YOUR_ORDER",
                    "Vendor order " + vendorOrderId + " belongs to another vendor");
        }
    }

    private void requireMayCancel(CancelVendorOrderCommand command) {
        boolean allowed = switch (command.party()) {
            case CUSTOMER -> customerSubject.equals(command.subject());
            case VENDOR -> vendorId.equals(command.actingVendorId());
            case STAFF, CHECKOUT -> true;
        };
        if (!allowed) {
            throw DomainRuleViolation.forbidden("NOT_YOUR_ORDER",
                    "Vendor order " + vendorOrderId + " is another " + describe(command.party()) + "'s");
        }
    }

    private static String describe(CancellationParty party) {
        return party == CancellationParty.VENDOR ? "vendor" : "customer";
    }

    private void requireStatus(VendorOrderStatus expected, String action) {
        if (status != expected) {
            throw DomainRuleViolation.illegalTransition("vendor order", status, action);
        }
    }

    @EventSourcingHandler
    void on(VendorOrderCreatedEvent event) {
        vendorOrderId = event.vendorOrderId();
        orderId = event.orderId();
        vendorId = event.vendorId();
        customerSubject = event.customerSubject();
        lines = event.lines();
        total = event.totals().total();
        status = VendorOrderStatus.CREATED;
        for (PricedLine line : event.totals().lines()) {
            pricedLines.put(line.lineId(), line);
        }
    }

    @EventSourcingHandler
    void on(RefundRequestedEvent event) {
        refunds.put(event.refundId(), new Refund(RefundState.REQUESTED, event.amount().minorUnits(), event.lines(),
                event.destination(), event.restock(), event.subject(), event.reason()));
    }

    @EventSourcingHandler
    void on(RefundApprovedEvent event) {
        approved += event.amount().minorUnits();
        for (RefundLine line : event.lines()) {
            approvedQuantities.merge(line.listingId().value(), line.quantity(), Integer::sum);
        }
        refunds.compute(event.refundId(), (id, refund) -> refund == null
                ? new Refund(RefundState.APPROVED, event.amount().minorUnits(), event.lines(), event.destination(),
                        event.restock(), null, event.reason())
                : refund.in(RefundState.APPROVED));
    }

    @EventSourcingHandler
    void on(RefundRejectedEvent event) {
        refunds.computeIfPresent(event.refundId(), (id, refund) -> refund.in(RefundState.REJECTED));
    }

    @EventSourcingHandler
    void on(VendorOrderReturnsClosedEvent event) {
        returnsClosed = true;
    }

    /** Where a refund of the share stands. */
    private enum RefundState { REQUESTED, APPROVED, REJECTED }

    /** One refund of the share, as requested (the automatic one as approved). */
    private record Refund(RefundState state, long amount, List<RefundLine> lines, RefundDestination destination,
                          boolean restock, String subject, String reason) {

        Refund in(RefundState next) {
            return new Refund(next, amount, lines, destination, restock, subject, reason);
        }

        boolean requestedAs(RequestRefundCommand command) {
            List<RefundLine> asked = command.lines() == null ? List.of() : command.lines();
            return lines.equals(asked) && destination == command.destination() && restock == command.restock()
                    && (command.amount() == null || command.amount().minorUnits() == amount);
        }
    }

    @EventSourcingHandler
    void on(VendorOrderAcceptedEvent event) {
        status = VendorOrderStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(VendorOrderRejectedEvent event) {
        status = VendorOrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(VendorOrderShippedEvent event) {
        status = VendorOrderStatus.SHIPPED;
    }

    @EventSourcingHandler
    void on(VendorOrderDeliveredEvent event) {
        status = VendorOrderStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(VendorOrderCancelledEvent event) {
        status = VendorOrderStatus.CANCELLED;
    }
}
