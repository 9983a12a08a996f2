package com.souq.commerce.order.query;

import static com.souq.commerce.order.query.Rows.utc;
import static com.souq.commerce.order.query.Rows.uuid;

import com.souq.commerce.account.api.AccountErasedEvent;
import com.souq.commerce.operations.rebuild.ReadModelTables;
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
import com.souq.commerce.order.api.OrderStatus;
import com.souq.commerce.order.api.OrderStockReservedEvent;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.payment.api.PaymentActionRequiredEvent;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.platform.privacy.PersonalDataVault;
import com.souq.commerce.shared.pricing.OrderTotals;
import com.souq.commerce.shared.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the customers' order history, {@code orders} and {@code order_lines}, from the Order aggregate's events and
 * the payment status from the Payment aggregate's. Each write names the event's sequence number and applies only if
 * the row has not seen it yet ({@code version} for Order events, {@code payment_version} for Payment events), so a
 * redelivered or replayed event changes nothing. The group is sequenced per order ({@link OrdersSequencing}): a
 * payment's events are handled after the order's earlier events, never before its row exists. An Order event and a
 * Payment event committed close together can still reach the live processor in commit order and a rebuild in store
 * order, so {@code updated_at} keeps the latest event time seen rather than the last one applied (a rebuild once
 * ended with a cash-on-delivery order's capture time where the live row had its completion time).
 */
@Component
@ReadModelTables({"orders", "order_lines"})
@ProcessingGroup(OrderProjector.PROCESSING_GROUP)
class OrderProjector {

    static final String PROCESSING_GROUP = "orders";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OrderUpdates updates;

    OrderProjector(JdbcClient jdbc, JsonMapper json, OrderUpdates updates) {
        this.jdbc = jdbc;
        this.json = json;
        this.updates = updates;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        OrderTotals totals = event.totals();
        int placed = jdbc.sql("""
                        INSERT INTO orders (order_id, customer_subject, cart_id, status, currency, subtotal_minor,
                                            shipping_minor, vat_minor, grand_total_minor, vat_rate_bp, line_count,
                                            item_count, vendor_count, ship_to_country, shipping_address,
                                            payment_provider, placed_at, updated_at, version)
                        VALUES (:id, :customer, :cart, :status, :currency, :subtotal, :shipping, :vat, :grandTotal,
                                :vatRate, :lineCount, :itemCount, :vendorCount, :country, CAST(:address AS jsonb),
                                :provider, :at, :at, :version)
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("id", uuid(event.orderId()))
                .param("customer", event.customerSubject())
                .param("cart", uuid(event.cartId()))
                .param("status", OrderStatus.PLACED.name())
                .param("currency", totals.grandTotal().currency().getCurrencyCode())
                .param("subtotal", totals.subtotal().minorUnits())
                .param("shipping", totals.shipping().minorUnits())
                .param("vat", totals.vat().minorUnits())
                .param("grandTotal", totals.grandTotal().minorUnits())
                .param("vatRate", totals.vatRate().basisPoints())
                .param("lineCount", event.lines().size())
                .param("itemCount", event.lines().stream().mapToInt(OrderLine::quantity).sum())
                .param("vendorCount", event.lines().stream().map(OrderLine::vendorId).distinct().count())
                .param("country", event.address().country().value())
                .param("address", json.writeValueAsString(event.address()))
                .param("provider", event.payment().provider().name())
                .param("at", utc(at))
                .param("version", version)
                .update();
        if (placed == 1) {
            insertLines(event.orderId(), event.lines(), PricedLines.of(totals.vendors()));
            updates.changed(event.orderId());
        }
    }

    @EventHandler
    void on(OrderStockReservedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.orderId(), version, at, "status = :status")
                .param("status", OrderStatus.STOCK_RESERVED.name())
                .update());
    }

    @EventHandler
    void on(OrderPaymentRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.orderId(), version, at, "status = :status, payment_id = :payment")
                .param("status", OrderStatus.PAYMENT_PENDING.name())
                .param("payment", uuid(event.paymentId()))
                .update());
    }

    @EventHandler
    void on(OrderPaymentAcceptedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.orderId(), version, at, "payment_id = :payment")
                .param("payment", uuid(event.paymentId()))
                .update());
    }

    @EventHandler
    void on(OrderPaidEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.orderId(), version, at,
                "status = :status, payment_id = :payment, paid_minor = :paid, paid_at = :at")
                .param("status", OrderStatus.PAID.name())
                .param("payment", uuid(event.paymentId()))
                .param("paid", event.amount().minorUnits())
                .update());
    }

    /** Goes to its vendors unpaid; {@code paid_minor} stays NULL (the cash is captured on delivery). */
    @EventHandler
    void on(OrderConfirmedForCashOnDeliveryEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.orderId(), version, at, "status = :status, payment_id = :payment")
                .param("status", OrderStatus.PAYMENT_ON_DELIVERY.name())
                .param("payment", uuid(event.paymentId()))
                .update());
    }

    @EventHandler
    void on(OrderCancellationRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.orderId(), version, at, """
                        cancellation_party = :party, cancellation_subject = :subject, cancellation_reason = :reason,
                        cancellation_requested_at = :at""")
                .param("party", event.party().name())
                .param("subject", event.subject())
                .param("reason", event.reason())
                .update());
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.orderId(), version, at, """
                        status = :status, cancellation_party = :party, cancellation_subject = :subject,
                        cancellation_reason = :reason, cancelled_after_payment = :afterPayment, cancelled_at = :at""")
                .param("status", OrderStatus.CANCELLED.name())
                .param("party", event.party().name())
                .param("subject", event.subject())
                .param("reason", event.reason())
                .param("afterPayment", event.afterPayment())
                .update());
    }

    @EventHandler
    void on(OrderCompletedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.orderId(), version, at, "status = :status, completed_at = :at")
                .param("status", OrderStatus.COMPLETED.name())
                .update());
    }

    @EventHandler
    void on(PaymentRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        applyPayment(event.orderId(), event.paymentId(), PaymentStatus.INITIATED, version, at);
    }

    @EventHandler
    void on(PaymentActionRequiredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        applyPayment(event.orderId(), event.paymentId(), PaymentStatus.REQUIRES_ACTION, version, at);
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        applyPayment(event.orderId(), event.paymentId(), PaymentStatus.AUTHORIZED, version, at);
    }

    @EventHandler
    void on(PaymentCaptureRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        applyPayment(event.orderId(), event.paymentId(), PaymentStatus.CAPTURING, version, at);
    }

    @EventHandler
    void on(PaymentCapturedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        applyPayment(event.orderId(), event.paymentId(), PaymentStatus.CAPTURED, version, at);
    }

    @EventHandler
    void on(PaymentFailedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        applyPayment(event.orderId(), event.paymentId(), PaymentStatus.FAILED, version, at);
    }

    @EventHandler
    void on(PaymentCancelledEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        applyPayment(event.orderId(), event.paymentId(), PaymentStatus.CANCELLED, version, at);
    }

    /** An erased customer's orders keep their ids, lines and amounts; the address and reason read as erased. */
    @EventHandler
    void on(AccountErasedEvent event) {
        jdbc.sql("""
                        UPDATE orders
                           SET shipping_address = erase_personal_texts(shipping_address, string_to_array(:texts, ',')),
                               cancellation_reason = CASE WHEN cancellation_reason !~ '^\\s*$' THEN :erased
                                                          ELSE cancellation_reason END
                         WHERE customer_subject = :customer""")
                .param("texts", PersonalDataVault.personalTextsOf(ShippingAddress.class))
                .param("erased", PersonalData.ERASED).param("customer", event.accountId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE orders, order_lines").update();
    }

    private void insertLines(OrderId orderId, List<OrderLine> lines, PricedLines priced) {
        for (int index = 0; index < lines.size(); index++) {
            OrderLine line = lines.get(index);
            jdbc.sql("""
                            INSERT INTO order_lines (order_id, line_number, listing_id, vendor_id, quantity,
                                                     unit_price_minor, line_total_minor, vat_minor, currency)
                            VALUES (:order, :number, :listing, :vendor, :quantity, :price, :total, :vat, :currency)
                            ON CONFLICT (order_id, line_number) DO NOTHING""")
                    .param("order", uuid(orderId))
                    .param("number", index + 1)
                    .param("listing", uuid(line.listingId()))
                    .param("vendor", uuid(line.vendorId()))
                    .param("quantity", line.quantity())
                    .param("price", line.unitPrice().minorUnits())
                    .param("total", priced.totalOf(line).minorUnits())
                    .param("vat", priced.vatOf(line))
                    .param("currency", line.unitPrice().currency().getCurrencyCode())
                    .update();
        }
    }

    private JdbcClient.StatementSpec update(OrderId orderId, long version, Instant at, String assignments) {
        return jdbc.sql("UPDATE orders SET " + assignments + """
                        , updated_at = greatest(updated_at, :at), version = :version
                         WHERE order_id = :id AND version < :version""")
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(orderId));
    }

    private void applyPayment(OrderId orderId, PaymentId paymentId, PaymentStatus status, long version, Instant at) {
        changed(orderId, jdbc.sql("""
                        UPDATE orders SET payment_id = :payment, payment_status = :status,
                                          updated_at = greatest(updated_at, :at), payment_version = :version
                         WHERE order_id = :id AND payment_version < :version
                           AND (payment_id IS NULL OR payment_id = :payment)""")
                .param("payment", uuid(paymentId))
                .param("status", status.name())
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(orderId))
                .update());
    }

    /** Tells live subscribers of the order when a write changed its row. */
    private void changed(OrderId orderId, int rowsChanged) {
        if (rowsChanged == 1) {
            updates.changed(orderId);
        }
    }
}
