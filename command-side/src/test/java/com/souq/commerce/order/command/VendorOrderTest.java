package com.souq.commerce.order.command;

import static com.souq.commerce.order.command.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.order.command.OrderFixture.CUSTOMER;
import static com.souq.commerce.order.command.OrderFixture.GIZA_TYRES;
import static com.souq.commerce.order.command.OrderFixture.HELIOPOLIS;
import static com.souq.commerce.order.command.OrderFixture.ORDER;
import static com.souq.commerce.order.command.OrderFixture.PADS_LINE;
import static com.souq.commerce.order.command.OrderFixture.PADS_SHARE;
import static com.souq.commerce.order.command.OrderFixture.TOTALS;

import com.souq.commerce.order.api.AcceptVendorOrderCommand;
import com.souq.commerce.order.api.CancelVendorOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.CreateVendorOrderCommand;
import com.souq.commerce.order.api.MarkVendorOrderDeliveredCommand;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.RejectVendorOrderCommand;
import com.souq.commerce.order.api.ShipVendorOrderCommand;
import com.souq.commerce.order.api.VendorOrderAcceptedEvent;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.order.api.VendorOrderShippedEvent;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VendorOrderTest {

    private static final VendorOrderAcceptedEvent ACCEPTED = new VendorOrderAcceptedEvent(PADS_SHARE, ORDER,
            CAIRO_PARTS);
    private static final VendorOrderShippedEvent SHIPPED = new VendorOrderShippedEvent(PADS_SHARE, ORDER, CAIRO_PARTS,
            "Aramex", "AWB-778812", List.of(PADS_LINE));

    private FixtureConfiguration<VendorOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VendorOrder.class);
    }

    @Test
    void splittingCreatesTheVendorsShare() {
        fixture.givenNoPriorActivity()
                .when(new CreateVendorOrderCommand(PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, HELIOPOLIS,
                        List.of(PADS_LINE), TOTALS.vendors().get(0)))
                .expectEvents(OrderFixture.padsShareCreated());
    }

    @Test
    void splittingTwiceCreatesItOnce() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(new CreateVendorOrderCommand(PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, HELIOPOLIS,
                        List.of(PADS_LINE), TOTALS.vendors().get(0)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void itsVendorAccepts() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(new AcceptVendorOrderCommand(PADS_SHARE, CAIRO_PARTS))
                .expectEvents(ACCEPTED);
    }

    @Test
    void anotherVendorIsForbidden() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(new AcceptVendorOrderCommand(PADS_SHARE, GIZA_TYRES))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Vendor order " + PADS_SHARE + " belongs to another vendor")
                .expectNoEvents();
    }

    @Test
    void acceptingTwiceChangesNothing() {
        fixture.given(OrderFixture.padsShareCreated(), ACCEPTED)
                .when(new AcceptVendorOrderCommand(PADS_SHARE, CAIRO_PARTS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void itsVendorRejectsBeforeAccepting() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(new RejectVendorOrderCommand(PADS_SHARE, CAIRO_PARTS, "out of stock"))
                .expectEvents(new VendorOrderRejectedEvent(PADS_SHARE, ORDER, CAIRO_PARTS, "out of stock",
                        List.of(PADS_LINE), TOTALS.vendors().get(0).total()),
                        automaticRefund("vendor:" + CAIRO_PARTS, "Vendor order rejected: out of stock"));
    }

    @Test
    void cannotRejectOnceAccepted() {
        fixture.given(OrderFixture.padsShareCreated(), ACCEPTED)
                .when(new RejectVendorOrderCommand(PADS_SHARE, CAIRO_PARTS, "changed mind"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void shipsWithATrackingReferenceOnceAccepted() {
        fixture.given(OrderFixture.padsShareCreated(), ACCEPTED)
                .when(new ShipVendorOrderCommand(PADS_SHARE, CAIRO_PARTS, "Aramex", "AWB-778812"))
                .expectEvents(SHIPPED);
    }

    @Test
    void cannotShipBeforeAccepting() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(new ShipVendorOrderCommand(PADS_SHARE, CAIRO_PARTS, "Aramex", "AWB-1"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void isDeliveredAfterShipping() {
        fixture.given(OrderFixture.padsShareCreated(), ACCEPTED, SHIPPED)
                .when(new MarkVendorOrderDeliveredCommand(PADS_SHARE, null))
                .expectEvents(new VendorOrderDeliveredEvent(PADS_SHARE, ORDER, CAIRO_PARTS));
    }

    @Test
    void cannotBeDeliveredBeforeShipping() {
        fixture.given(OrderFixture.padsShareCreated(), ACCEPTED)
                .when(new MarkVendorOrderDeliveredCommand(PADS_SHARE, CAIRO_PARTS))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void itsCustomerCancelsBeforeShipping() {
        fixture.given(OrderFixture.padsShareCreated(), ACCEPTED)
                .when(new CancelVendorOrderCommand(PADS_SHARE, CancellationParty.CUSTOMER, CUSTOMER, null,
                        "found it cheaper", false))
                .expectEvents(new VendorOrderCancelledEvent(PADS_SHARE, ORDER, CAIRO_PARTS,
                        CancellationParty.CUSTOMER, CUSTOMER, "found it cheaper", List.of(PADS_LINE),
                        TOTALS.vendors().get(0).total(), CUSTOMER),
                        automaticRefund(CUSTOMER, "Vendor order cancelled: found it cheaper"));
    }

    @Test
    void anotherCustomerCannotCancel() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(new CancelVendorOrderCommand(PADS_SHARE, CancellationParty.CUSTOMER, "someone-else", null,
                        "mischief", false))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anotherVendorCannotCancel() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(new CancelVendorOrderCommand(PADS_SHARE, CancellationParty.VENDOR, "staff", GIZA_TYRES,
                        "mischief", false))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotCancelOnceShipped() {
        fixture.given(OrderFixture.padsShareCreated(), ACCEPTED, SHIPPED)
                .when(new CancelVendorOrderCommand(PADS_SHARE, CancellationParty.VENDOR, "staff", CAIRO_PARTS,
                        "lost", false))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cancellingTheWholeOrderLeavesAShippedShareGoing() {
        fixture.given(OrderFixture.padsShareCreated(), ACCEPTED, SHIPPED)
                .when(new CancelVendorOrderCommand(PADS_SHARE, CancellationParty.CUSTOMER, CUSTOMER, null,
                        "whole order", true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancellingTwiceChangesNothing() {
        fixture.given(OrderFixture.padsShareCreated(), new VendorOrderCancelledEvent(PADS_SHARE, ORDER, CAIRO_PARTS,
                        CancellationParty.VENDOR, "staff", "no stock", List.of(PADS_LINE),
                        TOTALS.vendors().get(0).total(), CUSTOMER))
                .when(new CancelVendorOrderCommand(PADS_SHARE, CancellationParty.VENDOR, "staff", CAIRO_PARTS,
                        "no stock", false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** Rejecting or cancelling a paid share refunds it in full, in the same step. */
    private static RefundApprovedEvent automaticRefund(String by, String reason) {
        Money share = TOTALS.vendors().get(0).total();
        return new RefundApprovedEvent(RefundId.forWithdrawal(PADS_SHARE), PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER,
                OrderFixture.PAYMENT, share, share, share, List.of(), RefundDestination.ORIGINAL_PAYMENT, false, true,
                by, reason);
    }
}
