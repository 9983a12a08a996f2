package com.souq.commerce.saga.commission;

import static com.souq.commerce.saga.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.saga.OrderFixture.CUSTOMER;
import static com.souq.commerce.saga.OrderFixture.GIZA_TYRES;
import static com.souq.commerce.saga.OrderFixture.ORDER;
import static com.souq.commerce.saga.OrderFixture.PAYMENT;
import static com.souq.commerce.saga.OrderFixture.TOTALS;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_COMMISSION;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_PAYABLE;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_TAX;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_TERMS;
import static com.souq.commerce.saga.commission.CommissionFixture.EGYPT;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_COMMISSION;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_PAYABLE;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_TAX;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_TERMS;
import static com.souq.commerce.saga.commission.CommissionFixture.egp;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.saga.OrderFixture;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.VatTable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two-vendor order of {@link CommissionFixture} (Cairo 855.00, Giza 5,757.00) paid partly or wholly from the
 * customer's wallet: the wallet's part is laid over the shares in order, each capture entry debits the customer's
 * wallet account with its part and the provider's clearing account with the rest, and still balances.
 */
class CommissionSagaWalletTest {

    private static final VendorOrderId PADS_SHARE = VendorOrderId.of(ORDER, CAIRO_PARTS);
    private static final VendorOrderId TYRES_SHARE = VendorOrderId.of(ORDER, GIZA_TYRES);
    private static final LedgerAccount SANDBOX_CLEARING = LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX);
    private static final LedgerAccount CUSTOMER_WALLET = LedgerAccount.customerWallet(CUSTOMER);

    private SagaTestFixture<CommissionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CommissionSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new KnownTerms().with(CAIRO_TERMS).with(GIZA_TERMS));
        fixture.registerResource(VatTable.seed());
        fixture.registerResource(new CommissionSettings(Duration.ofDays(14)));
    }

    @Test
    void aWalletPartCoversTheFirstShareAndPartOfTheSecond() {
        fixture.givenAPublished(captured(PaymentProvider.SANDBOX, egp(1_000_00)))
                .whenPublishingA(OrderFixture.paid())
                .expectDispatchedCommandsMatching(exactly(
                        entry(Operations.captureShare(PAYMENT, PADS_SHARE),
                                Posting.debit(CUSTOMER_WALLET, egp(855_00)),
                                Posting.credit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_PAYABLE),
                                Posting.credit(LedgerAccount.platformCommission(), CAIRO_COMMISSION),
                                Posting.credit(LedgerAccount.taxPayable(EGYPT), CAIRO_TAX)),
                        entry(Operations.captureShare(PAYMENT, TYRES_SHARE),
                                Posting.debit(SANDBOX_CLEARING, egp(5_612_00)),
                                Posting.debit(CUSTOMER_WALLET, egp(145_00)),
                                Posting.credit(LedgerAccount.vendorPayable(GIZA_TYRES), GIZA_PAYABLE),
                                Posting.credit(LedgerAccount.platformCommission(), GIZA_COMMISSION),
                                Posting.credit(LedgerAccount.taxPayable(EGYPT), GIZA_TAX))));
    }

    @Test
    void theWalletAloneDebitsNoProvider() {
        fixture.givenAPublished(OrderFixture.paid())
                .whenPublishingA(captured(PaymentProvider.WALLET, TOTALS.grandTotal()))
                .expectDispatchedCommandsMatching(exactly(
                        entry(Operations.captureShare(PAYMENT, PADS_SHARE),
                                Posting.debit(CUSTOMER_WALLET, egp(855_00)),
                                Posting.credit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_PAYABLE),
                                Posting.credit(LedgerAccount.platformCommission(), CAIRO_COMMISSION),
                                Posting.credit(LedgerAccount.taxPayable(EGYPT), CAIRO_TAX)),
                        entry(Operations.captureShare(PAYMENT, TYRES_SHARE),
                                Posting.debit(CUSTOMER_WALLET, egp(5_757_00)),
                                Posting.credit(LedgerAccount.vendorPayable(GIZA_TYRES), GIZA_PAYABLE),
                                Posting.credit(LedgerAccount.platformCommission(), GIZA_COMMISSION),
                                Posting.credit(LedgerAccount.taxPayable(EGYPT), GIZA_TAX))));
    }

    private static PaymentCapturedEvent captured(PaymentProvider provider, Money fromWallet) {
        return new PaymentCapturedEvent(PAYMENT, ORDER, CUSTOMER, provider, "ref_1", TOTALS.grandTotal(),
                fromWallet);
    }

    private static Matcher<Object> entry(String operation, Posting... postings) {
        return predicate(payload -> payload instanceof PostJournalEntryCommand command
                && command.operation().equals(operation)
                && command.postings().equals(List.of(postings))
                && command.postings().stream().map(Posting::signedAmount).reduce(Money::plus).orElseThrow()
                        .isZero());
    }

    @SafeVarargs
    private static Matcher<List<? super Object>> exactly(Matcher<Object>... commands) {
        Matcher<Object>[] withEnd = Arrays.copyOf(commands, commands.length + 1);
        withEnd[commands.length] = andNoMore();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Matcher<List<? super Object>> matcher = (Matcher) payloadsMatching(exactSequenceOf(withEnd));
        return matcher;
    }
}
