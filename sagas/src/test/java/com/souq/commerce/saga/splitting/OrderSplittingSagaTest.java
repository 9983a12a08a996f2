package com.souq.commerce.saga.splitting;

import static com.souq.commerce.saga.OrderFixture.BRAKE_PADS;
import static com.souq.commerce.saga.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.saga.OrderFixture.CUSTOMER;
import static com.souq.commerce.saga.OrderFixture.GIZA_TYRES;
import static com.souq.commerce.saga.OrderFixture.HELIOPOLIS;
import static com.souq.commerce.saga.OrderFixture.ORDER;
import static com.souq.commerce.saga.OrderFixture.PADS_LINE;
import static com.souq.commerce.saga.OrderFixture.TOTALS;
import static com.souq.commerce.saga.OrderFixture.TYRE;
import static com.souq.commerce.saga.OrderFixture.TYRES_LINE;

import com.souq.commerce.listing.api.CommitStockReservationCommand;
import com.souq.commerce.listing.api.ReleaseStockReservationCommand;
import com.souq.commerce.order.api.CancelVendorOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.CloseOrderCommand;
import com.souq.commerce.order.api.CreateVendorOrderCommand;
import com.souq.commerce.order.api.OrderCancellationRequestedEvent;
import com.souq.commerce.order.api.OrderCancelledEvent;
import com.souq.commerce.order.api.OrderCompletedEvent;
import com.souq.commerce.order.api.VendorOrderAcceptedEvent;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.order.api.VendorOrderShippedEvent;
import com.souq.commerce.saga.OrderFixture;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderSplittingSagaTest {

    private static final VendorOrderId PADS_SHARE = VendorOrderId.of(ORDER, CAIRO_PARTS);
    private static final VendorOrderId TYRES_SHARE = VendorOrderId.of(ORDER, GIZA_TYRES);

    private SagaTestFixture<OrderSplittingSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderSplittingSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    private VendorOrderShippedEvent shipped(VendorOrderId share, com.souq.commerce.vendor.api.VendorId vendor,
                                            com.souq.commerce.order.api.OrderLine line) {
        return new VendorOrderShippedEvent(share, ORDER, vendor, "Aramex", "AWB-1", List.of(line));
    }

    @Test
    void aPaidOrderBecomesOneVendorOrderPerVendorWithItsLinesShippingAndVat() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(OrderFixture.paid())
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new CreateVendorOrderCommand(PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, HELIOPOLIS,
                                List.of(PADS_LINE), TOTALS.vendors().get(0)),
                        new CreateVendorOrderCommand(TYRES_SHARE, ORDER, GIZA_TYRES, CUSTOMER, HELIOPOLIS,
                                List.of(TYRES_LINE), TOTALS.vendors().get(1)));
    }

    @Test
    void shippingCommitsTheSharesReservations() {
        fixture.givenAPublished(OrderFixture.paid())
                .andThenAPublished(new VendorOrderAcceptedEvent(PADS_SHARE, ORDER, CAIRO_PARTS))
                .whenPublishingA(shipped(PADS_SHARE, CAIRO_PARTS, PADS_LINE))
                .expectDispatchedCommands(new CommitStockReservationCommand(BRAKE_PADS, ORDER));
    }

    @Test
    void aRejectedShareGivesItsStockBack() {
        fixture.givenAPublished(OrderFixture.paid())
                .whenPublishingA(new VendorOrderRejectedEvent(TYRES_SHARE, ORDER, GIZA_TYRES, "out of stock",
                        List.of(TYRES_LINE), TOTALS.vendors().get(1).total()))
                .expectDispatchedCommands(new ReleaseStockReservationCommand(TYRE, ORDER));
    }

    @Test
    void completesTheOrderWhenEveryShareEndedWithADelivery() {
        fixture.givenAPublished(OrderFixture.paid())
                .andThenAPublished(new VendorOrderCancelledEvent(TYRES_SHARE, ORDER, GIZA_TYRES,
                        CancellationParty.VENDOR, "giza", "no stock", List.of(TYRES_LINE),
                        TOTALS.vendors().get(1).total(), null))
                .andThenAPublished(shipped(PADS_SHARE, CAIRO_PARTS, PADS_LINE))
                .whenPublishingA(new VendorOrderDeliveredEvent(PADS_SHARE, ORDER, CAIRO_PARTS))
                .expectDispatchedCommands(new CloseOrderCommand(ORDER, List.of(PADS_SHARE), List.of(TYRES_SHARE)));
    }

    @Test
    void doesNotCloseWhileAShareIsUnderWay() {
        fixture.givenAPublished(OrderFixture.paid())
                .andThenAPublished(shipped(PADS_SHARE, CAIRO_PARTS, PADS_LINE))
                .whenPublishingA(new VendorOrderDeliveredEvent(PADS_SHARE, ORDER, CAIRO_PARTS))
                .expectNoDispatchedCommands();
    }

    @Test
    void closesWithNothingDeliveredWhenEveryShareWasRejected() {
        fixture.givenAPublished(OrderFixture.paid())
                .andThenAPublished(new VendorOrderRejectedEvent(PADS_SHARE, ORDER, CAIRO_PARTS, "closed",
                        List.of(PADS_LINE), TOTALS.vendors().get(0).total()))
                .whenPublishingA(new VendorOrderRejectedEvent(TYRES_SHARE, ORDER, GIZA_TYRES, "closed",
                        List.of(TYRES_LINE), TOTALS.vendors().get(1).total()))
                .expectDispatchedCommands(new ReleaseStockReservationCommand(TYRE, ORDER),
                        new CloseOrderCommand(ORDER, List.of(), List.of(PADS_SHARE, TYRES_SHARE)));
    }

    @Test
    void cancellingThePaidOrderCancelsOnlySharesNotShipped() {
        fixture.givenAPublished(OrderFixture.paid())
                .andThenAPublished(shipped(PADS_SHARE, CAIRO_PARTS, PADS_LINE))
                .whenPublishingA(new OrderCancellationRequestedEvent(ORDER, CUSTOMER, CancellationParty.CUSTOMER,
                        CUSTOMER, "too slow"))
                .expectDispatchedCommands(new CancelVendorOrderCommand(TYRES_SHARE, CancellationParty.CUSTOMER,
                        CUSTOMER, null, "too slow", true));
    }

    @Test
    void endsWhenTheOrderCompletes() {
        fixture.givenAPublished(OrderFixture.paid())
                .whenPublishingA(new OrderCompletedEvent(ORDER, CUSTOMER, List.of(PADS_SHARE, TYRES_SHARE),
                        List.of()))
                .expectActiveSagas(0);
    }

    @Test
    void endsWhenThePaidOrderEndsCancelled() {
        fixture.givenAPublished(OrderFixture.paid())
                .whenPublishingA(new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.VENDOR, null,
                        "Every vendor order was cancelled", true))
                .expectActiveSagas(0);
    }

    @Test
    void aCashOnDeliveryOrderIsSplitLikeAPaidOne() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent(ORDER, CUSTOMER,
                        OrderFixture.PAYMENT, TOTALS.grandTotal(), HELIOPOLIS, OrderFixture.LINES, TOTALS))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new CreateVendorOrderCommand(PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, HELIOPOLIS,
                                List.of(PADS_LINE), TOTALS.vendors().get(0)),
                        new CreateVendorOrderCommand(TYRES_SHARE, ORDER, GIZA_TYRES, CUSTOMER, HELIOPOLIS,
                                List.of(TYRES_LINE), TOTALS.vendors().get(1)));
    }
}
