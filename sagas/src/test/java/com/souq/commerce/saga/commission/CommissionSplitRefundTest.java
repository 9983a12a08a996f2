package com.souq.commerce.saga.commission;

import static com.souq.commerce.saga.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.saga.OrderFixture.PADS_LINE;
import static com.souq.commerce.saga.OrderFixture.TOTALS;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_COMMISSION;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_PAYABLE;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_SHARE;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_TAX;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_TERMS;
import static com.souq.commerce.saga.commission.CommissionFixture.EGYPT;
import static com.souq.commerce.saga.commission.CommissionFixture.egp;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.VatTable;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rounding rule of refunds: commission and tax come back in proportion of the refund to the share, rounded
 * half-even on the running total of the share's refunds; the payable gives back the rest. Cairo Parts' share: 855.00,
 * commission 42.00, VAT on it 5.88, payable 807.12.
 */
class CommissionSplitRefundTest {

    private final CommissionSplit split = CommissionSplit.of(TOTALS.vendors().get(0), List.of(PADS_LINE),
            CAIRO_TERMS, VatTable.seed());

    @Test
    void aPartialRefundTakesBackCommissionAndTaxInProportion() {
        // 42.00 × 100/855 = 4.912 → 4.91; 5.88 × 100/855 = 0.6877 → 0.69; payable 100.00 − 4.91 − 0.69 = 94.40
        assertThat(split.refundReversal(CAIRO_PARTS, egp(0), egp(100_00))).containsExactly(
                Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), egp(94_40)),
                Posting.debit(LedgerAccount.platformCommission(), egp(4_91)),
                Posting.debit(LedgerAccount.taxPayable(EGYPT), egp(69)),
                Posting.credit(LedgerAccount.refundsClearing(), egp(100_00)));
    }

    @Test
    void theRestOfTheShareTakesBackExactlyWhatIsLeft() {
        assertThat(split.refundReversal(CAIRO_PARTS, egp(100_00), CAIRO_SHARE)).containsExactly(
                Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), egp(712_72)),
                Posting.debit(LedgerAccount.platformCommission(), egp(37_09)),
                Posting.debit(LedgerAccount.taxPayable(EGYPT), egp(5_19)),
                Posting.credit(LedgerAccount.refundsClearing(), egp(755_00)));
    }

    @Test
    void theWholeShareReversesTheCaptureSplit() {
        assertThat(split.reversal(CAIRO_PARTS)).containsExactly(
                Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_PAYABLE),
                Posting.debit(LedgerAccount.platformCommission(), CAIRO_COMMISSION),
                Posting.debit(LedgerAccount.taxPayable(EGYPT), CAIRO_TAX),
                Posting.credit(LedgerAccount.refundsClearing(), CAIRO_SHARE));
    }

    @Test
    void thePayableReleasedIsWhatRefundsLeftOfIt() {
        assertThat(split.payableAfter(egp(0))).isEqualTo(CAIRO_PAYABLE);
        assertThat(split.payableAfter(egp(100_00))).isEqualTo(egp(712_72));
        assertThat(split.payableAfter(CAIRO_SHARE)).isEqualTo(egp(0));
    }

    @Test
    void refundsInAnyPiecesNeverDriftAndGiveBackTheSplitExactly() {
        Random random = new Random(20261123);
        for (int run = 0; run < 2_000; run++) {
            long refunded = 0;
            long commission = 0;
            long tax = 0;
            long payable = 0;
            while (refunded < CAIRO_SHARE.minorUnits()) {
                long piece = 1 + random.nextLong(Math.min(30_000, CAIRO_SHARE.minorUnits() - refunded));
                List<Posting> postings = split.refundReversal(CAIRO_PARTS, egp(refunded), egp(refunded + piece));
                assertThat(sum(postings)).as("balanced").isZero();
                assertThat(postings).allSatisfy(posting -> assertThat(posting.amount().isNegative()).isFalse());
                commission += debitOf(postings, LedgerAccount.platformCommission());
                tax += debitOf(postings, LedgerAccount.taxPayable(EGYPT));
                payable += debitOf(postings, LedgerAccount.vendorPayable(CAIRO_PARTS));
                refunded += piece;
            }
            assertThat(commission).isEqualTo(CAIRO_COMMISSION.minorUnits());
            assertThat(tax).isEqualTo(CAIRO_TAX.minorUnits());
            assertThat(payable).isEqualTo(CAIRO_PAYABLE.minorUnits());
        }
    }

    private static long sum(List<Posting> postings) {
        return postings.stream().map(Posting::signedAmount).mapToLong(Money::minorUnits).sum();
    }

    private static long debitOf(List<Posting> postings, LedgerAccount account) {
        return postings.stream().filter(posting -> posting.account().equals(account))
                .mapToLong(posting -> posting.signedAmount().minorUnits()).sum();
    }
}
