package com.souq.commerce.saga.commission;

import static com.souq.commerce.saga.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.saga.OrderFixture.CUSTOMER;
import static com.souq.commerce.saga.OrderFixture.GIZA_TYRES;
import static com.souq.commerce.saga.OrderFixture.HELIOPOLIS;
import static com.souq.commerce.saga.OrderFixture.LINES;
import static com.souq.commerce.saga.OrderFixture.ORDER;
import static com.souq.commerce.saga.OrderFixture.PAYMENT;
import static com.souq.commerce.saga.OrderFixture.TOTALS;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_COMMISSION;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_PAYABLE;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_SHARE;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_TAX;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_TERMS;
import static com.souq.commerce.saga.commission.CommissionFixture.EGYPT;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_SHARE;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_TERMS;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.VatTable;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The journal of a cash-on-delivery order: the couriers' cash is split like a card's, for delivered shares only. */
class CashOnDeliveryCommissionTest {

    private static final VendorOrderId PADS_SHARE = VendorOrderId.of(ORDER, CAIRO_PARTS);
    private static final VendorOrderId TYRES_SHARE = VendorOrderId.of(ORDER, GIZA_TYRES);
    private static final LedgerAccount COD_CLEARING = LedgerAccount.gatewayClearing(PaymentProvider.CASH_ON_DELIVERY);

    private SagaTestFixture<CommissionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CommissionSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new KnownTerms().with(CAIRO_TERMS).with(GIZA_TERMS));
        fixture.registerResource(VatTable.seed());
        fixture.registerResource(new CommissionSettings(Duration.ofDays(14)));
    }

    private static OrderConfirmedForCashOnDeliveryEvent confirmed() {
        return new OrderConfirmedForCashOnDeliveryEvent(ORDER, CUSTOMER, PAYMENT, TOTALS.grandTotal(), HELIOPOLIS,
                LINES, TOTALS);
    }

    private static PaymentCapturedEvent collected(Money amount) {
        return new PaymentCapturedEvent(PAYMENT, ORDER, CUSTOMER, PaymentProvider.CASH_ON_DELIVERY,
                "cod_" + PAYMENT.value(), amount);
    }

    @Test
    void nothingIsPostedAtConfirmation() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(confirmed())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void theCollectedCashOfADeliveredShareIsSplitFromCashOnDeliveryClearing() {
        String operation = Operations.captureShare(PAYMENT, PADS_SHARE);
        fixture.givenAPublished(confirmed())
                .andThenAPublished(new VendorOrderDeliveredEvent(PADS_SHARE, ORDER, CAIRO_PARTS))
                .andThenAPublished(new VendorOrderRejectedEvent(TYRES_SHARE, ORDER, GIZA_TYRES, "Out of stock",
                        List.of(), GIZA_SHARE))
                .whenPublishingA(collected(CAIRO_SHARE))
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        predicate(payload -> payload instanceof PostJournalEntryCommand command
                                && command.operation().equals(operation)
                                && command.postings().equals(List.of(
                                        Posting.debit(COD_CLEARING, CAIRO_SHARE),
                                        Posting.credit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_PAYABLE),
                                        Posting.credit(LedgerAccount.platformCommission(), CAIRO_COMMISSION),
                                        Posting.credit(LedgerAccount.taxPayable(EGYPT), CAIRO_TAX)))),
                        andNoMore())))
                .expectActiveSagas(1);
    }

    @Test
    void anOrderWhoseSharesAllEndedUndeliveredEndsWithoutAnEntry() {
        fixture.givenAPublished(confirmed())
                .andThenAPublished(new VendorOrderRejectedEvent(PADS_SHARE, ORDER, CAIRO_PARTS, "No", List.of(),
                        CAIRO_SHARE))
                .andThenAPublished(new VendorOrderRejectedEvent(TYRES_SHARE, ORDER, GIZA_TYRES, "No", List.of(),
                        GIZA_SHARE))
                .whenPublishingA(new PaymentCancelledEvent(PAYMENT, ORDER, PaymentProvider.CASH_ON_DELIVERY,
                        "cod_" + PAYMENT.value(), "Nothing was delivered: no cash was collected"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }
}
