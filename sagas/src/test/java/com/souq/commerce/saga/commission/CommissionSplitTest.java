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
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.shared.pricing.PricedLine;
import com.souq.commerce.shared.pricing.VatTable;
import com.souq.commerce.shared.pricing.VendorTotals;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommissionSplitTest {

    private static final VatTable VAT = VatTable.seed();

    @Test
    void commissionIsOnTheGoodsAtTheCategorysRateWithVatOnTopAndTheRestPayable() {
        CommissionSplit split = CommissionSplit.of(TOTALS.vendors().get(0), List.of(PADS_LINE), CAIRO_TERMS, VAT);

        assertThat(split.shareTotal()).isEqualTo(CAIRO_SHARE);
        assertThat(split.commissionBase()).isEqualTo(egp(700_00));
        assertThat(split.commission()).isEqualTo(CAIRO_COMMISSION);
        assertThat(split.tax()).isEqualTo(CAIRO_TAX);
        assertThat(split.payable()).isEqualTo(CAIRO_PAYABLE);
        assertThat(split.details()).containsEntry("commission.rate.spare-parts", "600")
                .containsEntry("commission.rate.default", "800")
                .containsEntry("commission.vat.rate", "1400");
    }

    @Test
    void theCaptureEntryBalancesAndCreditsEachParty() {
        CommissionSplit split = CommissionSplit.of(TOTALS.vendors().get(0), List.of(PADS_LINE), CAIRO_TERMS, VAT);

        assertThat(split.capture(CAIRO_PARTS, PaymentProvider.SANDBOX)).containsExactly(
                Posting.debit(LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX), CAIRO_SHARE),
                Posting.credit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_PAYABLE),
                Posting.credit(LedgerAccount.platformCommission(), CAIRO_COMMISSION),
                Posting.credit(LedgerAccount.taxPayable(EGYPT), CAIRO_TAX));
    }

    @Test
    void aReversalGivesEveryPartBackIntoRefundsClearing() {
        CommissionSplit split = CommissionSplit.of(TOTALS.vendors().get(0), List.of(PADS_LINE), CAIRO_TERMS, VAT);

        assertThat(split.reversal(CAIRO_PARTS)).containsExactly(
                Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_PAYABLE),
                Posting.debit(LedgerAccount.platformCommission(), CAIRO_COMMISSION),
                Posting.debit(LedgerAccount.taxPayable(EGYPT), CAIRO_TAX),
                Posting.credit(LedgerAccount.refundsClearing(), CAIRO_SHARE));
    }

    @Test
    void eachLineIsCommissionedAtItsOwnCategoryAndRoundedOnItsOwn() {
        VendorId riyadh = VendorId.of("7a7a7a7a-7a7a-4a7a-8a7a-7a7a7a7a7a7a");
        ListingId filter = ListingId.of("33333333-3333-4333-8333-333333333333");
        ListingId seatCover = ListingId.of("44444444-4444-4444-8444-444444444444");
        OrderLine filters = new OrderLine(filter, riyadh, 3, Money.of(33_33, "SAR"));
        OrderLine covers = new OrderLine(seatCover, riyadh, 1, Money.of(250_05, "SAR"));
        CommissionTerms terms = new CommissionTerms(riyadh, CountryCode.of("SA"),
                new CommissionPlan(new Rate(1_250), Map.of("spare-parts", new Rate(725))),
                Map.of(filter, "spare-parts", seatCover, "car-accessories"), Instant.EPOCH);
        // 99.99 x 7.25 % = 7.249275 -> 7.25; 250.05 x 12.5 % = 31.25625 -> 31.26; commission 38.51
        // VAT 15 % (Saudi Arabia) of 38.51 = 5.7765 -> 5.78
        VendorTotals share = totals(riyadh, Money.of(350_04, "SAR"), Money.of(0, "SAR"), Money.of(52_51, "SAR"));

        CommissionSplit split = CommissionSplit.of(share, List.of(filters, covers), terms, VAT);

        assertThat(split.commission()).isEqualTo(Money.of(38_51, "SAR"));
        assertThat(split.tax()).isEqualTo(Money.of(5_78, "SAR"));
        assertThat(split.payable()).isEqualTo(Money.of(402_55 - 38_51 - 5_78, "SAR"));
        assertThat(split.capture(riyadh, PaymentProvider.STRIPE)).extracting(Posting::account)
                .contains(LedgerAccount.taxPayable(CountryCode.of("SA")));
    }

    @Test
    void aZeroRateChargesNoCommissionAndPostsNoLineForIt() {
        CommissionTerms free = new CommissionTerms(CAIRO_PARTS, EGYPT, CommissionPlan.flat(new Rate(0)), Map.of(),
                Instant.EPOCH);

        CommissionSplit split = CommissionSplit.of(TOTALS.vendors().get(0), List.of(PADS_LINE), free, VAT);

        assertThat(split.capture(CAIRO_PARTS, PaymentProvider.SANDBOX)).containsExactly(
                Posting.debit(LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX), CAIRO_SHARE),
                Posting.credit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_SHARE));
    }

    @Test
    void aCommissionAboveWhatTheShareLeavesMakesTheVendorOweTheDifference() {
        CommissionTerms all = new CommissionTerms(CAIRO_PARTS, CountryCode.of("LK"),
                CommissionPlan.flat(new Rate(10_000)), Map.of(), Instant.EPOCH);
        VendorTotals noShipping = totals(CAIRO_PARTS, egp(700_00), egp(0), egp(98_00));

        CommissionSplit split = CommissionSplit.of(noShipping, List.of(PADS_LINE), all, VAT);

        // 798.00 - 700.00 - 18 % of 700.00 (126.00) = -28.00: the vendor owes it
        assertThat(split.payable()).isEqualTo(egp(-28_00));
        assertThat(split.capture(CAIRO_PARTS, PaymentProvider.SANDBOX))
                .contains(Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), egp(28_00)));
    }

    private static VendorTotals totals(VendorId vendor, Money subtotal, Money shipping, Money vat) {
        return new VendorTotals(vendor.value(), List.<PricedLine>of(), subtotal, shipping, Money.zero(
                subtotal.currency()), vat, subtotal.plus(shipping).plus(vat));
    }
}
