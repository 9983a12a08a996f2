package com.souq.commerce.order.query;

import static com.souq.commerce.order.query.Rows.utc;
import static com.souq.commerce.order.query.Rows.uuid;

import com.souq.commerce.account.api.AccountErasedEvent;
import com.souq.commerce.listing.api.ListingRestockedForRefundEvent;
import com.souq.commerce.listing.api.StockReservationCommittedEvent;
import com.souq.commerce.listing.api.StockReservationRejectedEvent;
import com.souq.commerce.listing.api.StockReservationReleasedEvent;
import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.operations.rebuild.ReadModelTables;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.OrderCancellationRequestedEvent;
import com.souq.commerce.order.api.OrderCancelledEvent;
import com.souq.commerce.order.api.OrderCompletedEvent;
import com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.OrderPaymentAcceptedEvent;
import com.souq.commerce.order.api.OrderPaymentRequestedEvent;
import com.souq.commerce.order.api.OrderPlacedEvent;
import com.souq.commerce.order.api.OrderStockReservedEvent;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundRejectedEvent;
import com.souq.commerce.order.api.RefundRequestedEvent;
import com.souq.commerce.order.api.VendorOrderAcceptedEvent;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderCreatedEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.order.api.VendorOrderReturnsClosedEvent;
import com.souq.commerce.order.api.VendorOrderShippedEvent;
import com.souq.commerce.order.query.api.TimelineEntry.Actor;
import com.souq.commerce.payment.api.PaymentActionRequiredEvent;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentRefundFailedEvent;
import com.souq.commerce.payment.api.PaymentRefundRequestedEvent;
import com.souq.commerce.payment.api.PaymentRefundedEvent;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.platform.axon.AxonInfrastructureConfiguration;
import com.souq.commerce.shared.privacy.PersonalData;
import com.souq.commerce.vendor.api.VendorId;
import java.util.Arrays;
import java.util.OptionalLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code order_timeline}: one row per event that touched an order, its vendor orders, its payment or the stock
 * held for it, with a line for people and who made it happen. Rows are keyed by the event's identifier, so a
 * redelivered or replayed event changes nothing. Who acted is read from the event where it names a party; vendor
 * actions take the signed-in subject and roles the command carried; the rest is the engine's own doing.
 */
@Component
@ReadModelTables({"order_timeline"})
@ProcessingGroup(OrderTimelineProjector.PROCESSING_GROUP)
class OrderTimelineProjector {

    static final String PROCESSING_GROUP = "order-timeline";

    private final JdbcClient jdbc;
    private final OrderUpdates updates;

    OrderTimelineProjector(JdbcClient jdbc, OrderUpdates updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    @EventHandler
    void on(OrderPlacedEvent event, DomainEventMessage<?> message) {
        int items = event.lines().stream().mapToInt(OrderLine::quantity).sum();
        long vendors = event.lines().stream().map(OrderLine::vendorId).distinct().count();
        record(message, event.orderId(), "Order placed: " + count(items, "item") + " from " + count(vendors, "vendor")
                        + ", " + event.totals().grandTotal() + ", to pay with " + event.payment().provider(),
                Actor.CUSTOMER, event.customerSubject(), null);
    }

    @EventHandler
    void on(OrderStockReservedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "Every item is reserved", Actor.ENGINE, null, null);
    }

    @EventHandler
    void on(OrderPaymentRequestedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "Waiting for payment of " + event.amount(), Actor.ENGINE, null, null);
    }

    @EventHandler
    void on(OrderPaymentAcceptedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "The order took the authorized payment; capture follows", Actor.ENGINE,
                null, null);
    }

    @EventHandler
    void on(OrderPaidEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "Order paid: " + event.amount(), Actor.ENGINE, null, null);
    }

    @EventHandler
    void on(OrderConfirmedForCashOnDeliveryEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "Cash on delivery: " + event.amountDue()
                + " is collected as the vendors deliver", Actor.ENGINE, null, null);
    }

    @EventHandler
    void on(OrderCancellationRequestedEvent event, DomainEventMessage<?> message) {
        Quote quote = Quote.of("Cancellation asked by " + the(event.party()), event.customerSubject(),
                event.reason(), "; vendor orders not yet shipped are being cancelled");
        record(message, event.orderId(), quote.description(), actor(event.party()), event.subject(), null, quote);
    }

    @EventHandler
    void on(OrderCancelledEvent event, DomainEventMessage<?> message) {
        Quote quote = Quote.of("Order cancelled by " + the(event.party())
                + (event.afterPayment() ? " after payment" : ""), event.customerSubject(), event.reason(), "");
        record(message, event.orderId(), quote.description(), actor(event.party()), event.subject(), null, quote);
    }

    @EventHandler
    void on(OrderCompletedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "Order completed: " + count(event.delivered().size(), "vendor order")
                + " delivered, " + event.cancelled().size() + " cancelled", Actor.ENGINE, null, null);
    }

    @EventHandler
    void on(VendorOrderCreatedEvent event, DomainEventMessage<?> message) {
        int items = event.lines().stream().mapToInt(OrderLine::quantity).sum();
        record(message, event.orderId(), "Vendor order of " + count(items, "item") + ", " + event.totals().total()
                + ", sent to the vendor", Actor.ENGINE, null, event.vendorId());
    }

    @EventHandler
    void on(VendorOrderAcceptedEvent event, DomainEventMessage<?> message) {
        recordVendorAction(message, event.orderId(), "The vendor accepted its share", event.vendorId());
    }

    @EventHandler
    void on(VendorOrderRejectedEvent event, DomainEventMessage<?> message) {
        recordVendorAction(message, event.orderId(), "The vendor rejected its share" + because(event.reason())
                + "; " + event.total() + " is owed back", event.vendorId());
    }

    @EventHandler
    void on(VendorOrderShippedEvent event, DomainEventMessage<?> message) {
        recordVendorAction(message, event.orderId(), "Shipped with " + event.carrier() + ", tracking reference "
                + event.trackingReference(), event.vendorId());
    }

    @EventHandler
    void on(VendorOrderDeliveredEvent event, DomainEventMessage<?> message) {
        recordVendorAction(message, event.orderId(), "The vendor's share was delivered", event.vendorId());
    }

    @EventHandler
    void on(VendorOrderCancelledEvent event, DomainEventMessage<?> message) {
        Quote quote = Quote.of("The vendor's share was cancelled by " + the(event.party()), event.customerSubject(),
                event.reason(), "; " + event.total() + " is owed back");
        record(message, event.orderId(), quote.description(), actor(event.party()), event.subject(),
                event.vendorId(), quote);
    }

    @EventHandler
    void on(PaymentRequestedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "Payment of " + event.amount() + " initiated with "
                + event.instruction().provider(), Actor.ENGINE, null, null);
    }

    @EventHandler
    void on(PaymentActionRequiredEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), event.provider() + " asks the customer to complete an extra step",
                Actor.PAYMENT_PROVIDER, null, null);
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), event.provider() + " authorized " + event.amount(), Actor.PAYMENT_PROVIDER,
                null, null);
    }

    @EventHandler
    void on(PaymentCaptureRequestedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "Capture of " + event.amount() + " asked of " + event.provider(),
                Actor.ENGINE, null, null);
    }

    @EventHandler
    void on(PaymentCapturedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), event.provider() + " captured " + event.amount(), Actor.PAYMENT_PROVIDER,
                null, null);
    }

    @EventHandler
    void on(PaymentFailedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "Payment failed" + because(event.reason()), Actor.PAYMENT_PROVIDER, null,
                null);
    }

    @EventHandler
    void on(PaymentCancelledEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "Payment cancelled" + because(event.reason()), Actor.ENGINE, null, null);
    }

    @EventHandler
    void on(StockReservedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), event.quantity() + " × listing " + event.listingId() + " reserved",
                Actor.ENGINE, null, event.vendorId());
    }

    @EventHandler
    void on(StockReservationRejectedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), event.quantity() + " × listing " + event.listingId()
                        + " could not be reserved" + because(event.reason()) + " (" + event.available() + " available)",
                Actor.ENGINE, null, event.vendorId());
    }

    @EventHandler
    void on(StockReservationReleasedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), event.quantity() + " × listing " + event.listingId()
                + " given back to stock", Actor.ENGINE, null, event.vendorId());
    }

    @EventHandler
    void on(StockReservationCommittedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), event.quantity() + " × listing " + event.listingId() + " left the stock, sold",
                Actor.ENGINE, null, event.vendorId());
    }

    @EventHandler
    void on(ListingRestockedForRefundEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), event.quantity() + " × listing " + event.listingId()
                + " back in stock, refund " + event.refundId(), Actor.ENGINE, null, event.vendorId());
    }

    /**
     * An erased customer's entries keep what happened; the texts they quote of the customer (cancellation and refund
     * reasons) read as erased, exactly where they stood, as a rebuild after the erasure writes them.
     */
    @EventHandler
    void on(AccountErasedEvent event) {
        jdbc.sql("""
                        UPDATE order_timeline
                           SET description = overlay(description PLACING :erased FROM personal_text_at
                                                     FOR length(personal_text)),
                               personal_text = :erased
                         WHERE personal_subject = :customer AND personal_text <> :erased""")
                .param("erased", PersonalData.ERASED).param("customer", event.accountId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE order_timeline").update();
    }

    /** A vendor order moved by a person: the vendor's staff, or staff acting for the vendor. */
    @EventHandler
    void on(RefundRequestedEvent event, DomainEventMessage<?> message) {
        Quote quote = Quote.of("A refund of " + event.amount() + " was asked for", event.customerSubject(),
                event.reason(), "");
        record(message, event.orderId(), quote.description(), Actor.CUSTOMER, event.subject(), event.vendorId(),
                quote);
    }

    @EventHandler
    void on(RefundApprovedEvent event, DomainEventMessage<?> message) {
        if (event.automatic()) {
            record(message, event.orderId(), "A refund of " + event.amount() + " was approved with the share's closing",
                    Actor.ENGINE, null, event.vendorId());
        } else {
            recordVendorAction(message, event.orderId(), "A refund of " + event.amount() + " was approved",
                    event.vendorId());
        }
    }

    @EventHandler
    void on(RefundRejectedEvent event, DomainEventMessage<?> message) {
        recordVendorAction(message, event.orderId(), "A refund of " + event.amount() + " was declined"
                + because(event.reason()), event.vendorId());
    }

    @EventHandler
    void on(VendorOrderReturnsClosedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "The vendor's share takes no more returns (" + event.refunded()
                + " refunded)", Actor.ENGINE, null, event.vendorId());
    }

    @EventHandler
    void on(PaymentRefundRequestedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), event.amount() + " is being refunded to "
                + (event.destination() == RefundDestination.CUSTOMER_WALLET ? "the customer's wallet" : event.provider()),
                Actor.ENGINE, null, null);
    }

    @EventHandler
    void on(PaymentRefundedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), event.amount() + " was refunded to "
                + (event.destination() == RefundDestination.CUSTOMER_WALLET ? "the customer's wallet" : event.provider()),
                Actor.PAYMENT_PROVIDER, null, null);
    }

    @EventHandler
    void on(PaymentRefundFailedEvent event, DomainEventMessage<?> message) {
        record(message, event.orderId(), "Refunding " + event.amount() + " failed" + because(event.reason()),
                Actor.PAYMENT_PROVIDER, null, null);
    }

    private void recordVendorAction(DomainEventMessage<?> message, OrderId orderId, String description,
                                    VendorId vendorId) {
        Object subject = message.getMetaData().get(AxonInfrastructureConfiguration.SUBJECT);
        Object roles = message.getMetaData().get(AxonInfrastructureConfiguration.ROLES);
        boolean staff = roles != null && Arrays.stream(roles.toString().split(","))
                .anyMatch(role -> role.equals("ADMIN") || role.equals("SUPPORT"));
        record(message, orderId, description, staff ? Actor.STAFF : Actor.VENDOR,
                subject == null ? null : subject.toString(), vendorId);
    }

    /**
     * A description quoting a person's own text (as {@link #because} quotes it, between {@code before} and
     * {@code after}), with where the text starts (1-based); a blank text is not quoted at all.
     */
    private record Quote(String description, String subject, String text, Integer at) {

        static Quote of(String before, String subject, String text, String after) {
            String description = before + because(text) + after;
            if (text == null || text.isBlank()) {
                return new Quote(description, null, null, null);
            }
            return new Quote(description, subject, text, description.indexOf(text, before.length()) + 1);
        }
    }

    private void record(DomainEventMessage<?> message, OrderId orderId, String description, Actor actor,
                        String actorSubject, VendorId vendorId) {
        record(message, orderId, description, actor, actorSubject, vendorId, null);
    }

    private void record(DomainEventMessage<?> message, OrderId orderId, String description, Actor actor,
                        String actorSubject, VendorId vendorId, Quote quote) {
        OptionalLong position = message instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position()
                : OptionalLong.empty();
        int recorded = jdbc.sql("""
                        INSERT INTO order_timeline (event_id, order_id, occurred_at, store_position, aggregate_type,
                                                    aggregate_id, aggregate_sequence, event_type, description, actor,
                                                    actor_subject, vendor_id, personal_subject, personal_text,
                                                    personal_text_at)
                        VALUES (:event, :order, :at,
                                COALESCE((SELECT globalindex FROM domainevententry WHERE eventidentifier = :event),
                                         :position),
                                :aggregateType, :aggregate, :sequence, :type,
                                :description, :actor, :subject, :vendor, :personalSubject, :personalText,
                                :personalTextAt)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("event", message.getIdentifier())
                .param("order", uuid(orderId))
                .param("at", utc(message.getTimestamp()))
                .param("position", position.isPresent() ? position.getAsLong() : null)
                .param("aggregateType", message.getType())
                .param("aggregate", uuid(message.getAggregateIdentifier()))
                .param("sequence", message.getSequenceNumber())
                .param("type", message.getPayloadType().getSimpleName().replaceFirst("Event$", ""))
                .param("description", description)
                .param("actor", actor.name())
                .param("subject", actorSubject)
                .param("vendor", vendorId == null ? null : uuid(vendorId))
                .param("personalSubject", quote == null ? null : quote.subject())
                .param("personalText", quote == null ? null : quote.text())
                .param("personalTextAt", quote == null ? null : quote.at())
                .update();
        if (recorded == 1) {
            updates.changed(orderId);
        }
    }

    private static Actor actor(CancellationParty party) {
        return switch (party) {
            case CUSTOMER -> Actor.CUSTOMER;
            case VENDOR -> Actor.VENDOR;
            case STAFF -> Actor.STAFF;
            case CHECKOUT -> Actor.ENGINE;
        };
    }

    private static String the(CancellationParty party) {
        return switch (party) {
            case CUSTOMER -> "the customer";
            case VENDOR -> "the vendor";
            case STAFF -> "staff";
            case CHECKOUT -> "checkout";
        };
    }

    private static String because(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }

    private static String count(long number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}
