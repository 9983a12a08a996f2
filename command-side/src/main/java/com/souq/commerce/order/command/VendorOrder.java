package com.souq.commerce.order.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.order.api.AcceptVendorOrderCommand;
import com.souq.commerce.order.api.CancelVendorOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.CreateVendorOrderCommand;
import com.souq.commerce.order.api.MarkVendorOrderDeliveredCommand;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.RejectVendorOrderCommand;
import com.souq.commerce.order.api.ShipVendorOrderCommand;
import com.souq.commerce.order.api.VendorOrderAcceptedEvent;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderCreatedEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.order.api.VendorOrderShippedEvent;
import com.souq.commerce.order.api.VendorOrderStatus;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
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
 */
@Aggregate
class VendorOrder {

    @AggregateIdentifier
    private VendorOrderId vendorOrderId;
    private OrderId orderId;
    private VendorId vendorId;
    private String customerSubject;
    private List<OrderLine> lines;
    private Money total;
    private VendorOrderStatus status;

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
                command.reason(), lines, total));
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
