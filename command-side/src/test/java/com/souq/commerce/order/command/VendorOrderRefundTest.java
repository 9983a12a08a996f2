package com.souq.commerce.order.command;

import static com.souq.commerce.order.command.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.order.command.OrderFixture.CUSTOMER;
import static com.souq.commerce.order.command.OrderFixture.GIZA_TYRES;
import static com.souq.commerce.order.command.OrderFixture.ORDER;
import static com.souq.commerce.order.command.OrderFixture.PADS_LINE;
import static com.souq.commerce.order.command.OrderFixture.PADS_SHARE;
import static com.souq.commerce.order.command.OrderFixture.PAYMENT;
import static com.souq.commerce.order.command.OrderFixture.TOTALS;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.order.api.ApproveRefundCommand;
import com.souq.commerce.order.api.CancelVendorOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.CloseVendorOrderReturnsCommand;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.RefundLine;
import com.souq.commerce.order.api.RefundRejectedEvent;
import com.souq.commerce.order.api.RefundRequestedEvent;
import com.souq.commerce.order.api.RejectRefundCommand;
import com.souq.commerce.order.api.RejectVendorOrderCommand;
import com.souq.commerce.order.api.RequestRefundCommand;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.order.api.VendorOrderReturnsClosedEvent;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds of Cairo Parts' share: brake pads 2 × 350.00 with VAT 98.00, shipping 50.00 with VAT 7.00, 855.00 in all.
 */
class VendorOrderRefundTest {

    private static final Money SHARE = TOTALS.vendors().get(0).total();
    private static final RefundId FIRST = RefundId.of("aaaaaaaa-0000-4000-8000-000000000001");
    private static final RefundId SECOND = RefundId.of("aaaaaaaa-0000-4000-8000-000000000002");
    private static final RefundLine ONE_PAD = new RefundLine(PADS_LINE.listingId(), 1);
    private static final String STAFF = "staff-cairo-parts";

    private FixtureConfiguration<VendorOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VendorOrder.class);
    }

    @Test
    void theShareIsWhatWasCaptured() {
        assertThat(SHARE).isEqualTo(Money.of(855_00, "EGP"));
    }

    @Test
    void customerRequestsOneItemBackWithItsVat() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(request(FIRST, List.of(ONE_PAD), null))
                .expectEvents(requested(FIRST, egp(399_00), List.of(ONE_PAD)));
    }

    @Test
    void refundingALineInPartsGivesBackExactlyItsVat() {
        RefundLine anotherPad = new RefundLine(PADS_LINE.listingId(), 1);
        fixture.given(OrderFixture.padsShareCreated(), requested(FIRST, egp(399_00), List.of(ONE_PAD)),
                        approved(FIRST, egp(399_00), egp(399_00), List.of(ONE_PAD)))
                .when(request(SECOND, List.of(anotherPad), null))
                .expectEvents(requested(SECOND, egp(399_00), List.of(anotherPad)));
    }

    @Test
    void anotherCustomerIsForbidden() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(new RequestRefundCommand(PADS_SHARE, FIRST, "someone-else", List.of(), egp(10_00),
                        RefundDestination.ORIGINAL_PAYMENT, false, "broken"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRequestAboveTheShareIsRefused() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(request(FIRST, List.of(), egp(855_01)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Vendor order " + PADS_SHARE + " had 855.00 EGP captured and 0.00 EGP "
                        + "refunded: 855.01 EGP more is too much")
                .expectNoEvents();
    }

    @Test
    void aRequestInAnotherCurrencyIsRefused() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(request(FIRST, List.of(), Money.of(10_00, "SAR")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void moreItemsThanBoughtAreRefused() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(request(FIRST, List.of(new RefundLine(PADS_LINE.listingId(), 3)), null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void requestingTheSameRefundAgainChangesNothing() {
        fixture.given(OrderFixture.padsShareCreated(), requested(FIRST, egp(100_00), List.of()))
                .when(request(FIRST, List.of(), egp(100_00)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void itsVendorApproves() {
        fixture.given(OrderFixture.padsShareCreated(), requested(FIRST, egp(100_00), List.of()))
                .when(new ApproveRefundCommand(PADS_SHARE, FIRST, CAIRO_PARTS, STAFF))
                .expectEvents(approved(FIRST, egp(100_00), egp(100_00), List.of()));
    }

    @Test
    void anotherVendorMayNotApprove() {
        fixture.given(OrderFixture.padsShareCreated(), requested(FIRST, egp(100_00), List.of()))
                .when(new ApproveRefundCommand(PADS_SHARE, FIRST, GIZA_TYRES, STAFF))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void approvingTwiceChangesNothing() {
        fixture.given(OrderFixture.padsShareCreated(), requested(FIRST, egp(100_00), List.of()),
                        approved(FIRST, egp(100_00), egp(100_00), List.of()))
                .when(new ApproveRefundCommand(PADS_SHARE, FIRST, null, "admin"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ofTwoRefundsForTheSameRemainderTheSecondApprovalIsRefused() {
        fixture.given(OrderFixture.padsShareCreated(), requested(FIRST, egp(600_00), List.of()),
                        requested(SECOND, egp(600_00), List.of()), approved(FIRST, egp(600_00), egp(600_00), List.of()))
                .when(new ApproveRefundCommand(PADS_SHARE, SECOND, CAIRO_PARTS, STAFF))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Vendor order " + PADS_SHARE + " had 855.00 EGP captured and 600.00 EGP "
                        + "refunded: 600.00 EGP more is too much")
                .expectNoEvents();
    }

    @Test
    void itsVendorRejectsARequest() {
        fixture.given(OrderFixture.padsShareCreated(), requested(FIRST, egp(100_00), List.of()))
                .when(new RejectRefundCommand(PADS_SHARE, FIRST, CAIRO_PARTS, STAFF, "used"))
                .expectEvents(new RefundRejectedEvent(FIRST, PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, egp(100_00),
                        STAFF, "used"));
    }

    @Test
    void aRejectedRefundIsNotApproved() {
        fixture.given(OrderFixture.padsShareCreated(), requested(FIRST, egp(100_00), List.of()),
                        new RefundRejectedEvent(FIRST, PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, egp(100_00), STAFF,
                                "used"))
                .when(new ApproveRefundCommand(PADS_SHARE, FIRST, CAIRO_PARTS, STAFF))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownRefundIsNotFound() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(new ApproveRefundCommand(PADS_SHARE, FIRST, CAIRO_PARTS, STAFF))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejectingTheShareRefundsWhatIsLeftAndDeclinesOpenRequests() {
        RefundId automatic = RefundId.forWithdrawal(PADS_SHARE);
        fixture.given(OrderFixture.padsShareCreated(), requested(FIRST, egp(100_00), List.of()),
                        approved(FIRST, egp(100_00), egp(100_00), List.of()), requested(SECOND, egp(50_00), List.of()))
                .when(new RejectVendorOrderCommand(PADS_SHARE, CAIRO_PARTS, "out of stock"))
                .expectEvents(new VendorOrderRejectedEvent(PADS_SHARE, ORDER, CAIRO_PARTS, "out of stock",
                                List.of(PADS_LINE), SHARE),
                        new RefundRejectedEvent(SECOND, PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, egp(50_00), null,
                                "The whole vendor order is refunded: Vendor order rejected: out of stock"),
                        new RefundApprovedEvent(automatic, PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, PAYMENT,
                                egp(755_00), SHARE, SHARE, List.of(), RefundDestination.ORIGINAL_PAYMENT, false, true,
                                "vendor:" + CAIRO_PARTS, "Vendor order rejected: out of stock"));
    }

    @Test
    void cancellingTheShareRefundsItInFull() {
        fixture.given(OrderFixture.padsShareCreated())
                .when(new CancelVendorOrderCommand(PADS_SHARE, CancellationParty.CUSTOMER, CUSTOMER, null,
                        "ordered twice", false))
                .expectEvents(new VendorOrderCancelledEvent(PADS_SHARE, ORDER, CAIRO_PARTS,
                                CancellationParty.CUSTOMER, CUSTOMER, "ordered twice", List.of(PADS_LINE), SHARE, CUSTOMER),
                        new RefundApprovedEvent(RefundId.forWithdrawal(PADS_SHARE), PADS_SHARE, ORDER, CAIRO_PARTS,
                                CUSTOMER, PAYMENT, SHARE, SHARE, SHARE, List.of(), RefundDestination.ORIGINAL_PAYMENT,
                                false, true, CUSTOMER, "Vendor order cancelled: ordered twice"));
    }

    @Test
    void aRejectedShareTakesNoMoreRequests() {
        fixture.given(OrderFixture.padsShareCreated(), new VendorOrderRejectedEvent(PADS_SHARE, ORDER, CAIRO_PARTS,
                        "out of stock", List.of(PADS_LINE), SHARE))
                .when(request(FIRST, List.of(), egp(10_00)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void closingReturnsDeclinesOpenRequestsAndAnswersWhatWasRefunded() {
        fixture.given(OrderFixture.padsShareCreated(), requested(FIRST, egp(100_00), List.of()),
                        approved(FIRST, egp(100_00), egp(100_00), List.of()), requested(SECOND, egp(50_00), List.of()))
                .when(new CloseVendorOrderReturnsCommand(PADS_SHARE))
                .expectResultMessagePayload(egp(100_00))
                .expectEvents(new RefundRejectedEvent(SECOND, PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, egp(50_00),
                                null, "RETURN_WINDOW_CLOSED: the return window of the vendor order passed"),
                        new VendorOrderReturnsClosedEvent(PADS_SHARE, ORDER, CAIRO_PARTS, egp(100_00)));
    }

    @Test
    void afterTheReturnWindowNoRefundIsRequested() {
        fixture.given(OrderFixture.padsShareCreated(),
                        new VendorOrderReturnsClosedEvent(PADS_SHARE, ORDER, CAIRO_PARTS, egp(0)))
                .when(request(FIRST, List.of(), egp(10_00)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The return window of vendor order " + PADS_SHARE
                        + " passed: no refund is requested")
                .expectNoEvents();
    }

    private static RequestRefundCommand request(RefundId id, List<RefundLine> lines, Money amount) {
        return new RequestRefundCommand(PADS_SHARE, id, CUSTOMER, lines, amount, RefundDestination.ORIGINAL_PAYMENT,
                false, "cracked");
    }

    private static RefundRequestedEvent requested(RefundId id, Money amount, List<RefundLine> lines) {
        return new RefundRequestedEvent(id, PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, CUSTOMER, amount, lines,
                RefundDestination.ORIGINAL_PAYMENT, false, "cracked");
    }

    private static RefundApprovedEvent approved(RefundId id, Money amount, Money approvedTotal,
                                                List<RefundLine> lines) {
        return new RefundApprovedEvent(id, PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, PAYMENT, amount, SHARE,
                approvedTotal, lines, RefundDestination.ORIGINAL_PAYMENT, false, false, STAFF, "cracked");
    }

    private static Money egp(long minorUnits) {
        return Money.of(minorUnits, "EGP");
    }
}
