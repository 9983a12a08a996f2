package com.souq.commerce.shared.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Currencies;
import com.souq.commerce.shared.money.CurrencyMismatchException;
import com.souq.commerce.shared.money.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static final CountryCode EGYPT = CountryCode.of("EG");
    private static final CountryCode SAUDI_ARABIA = CountryCode.of("SA");

    /** Cairo Parts ships for 50.00 EGP, free from 1,000.00 EGP; Giza Tyres always 75.00 EGP; Delta Oils free. */
    private final Pricing pricing = new Pricing(VatTable.seed(), vendor -> Map.of(
            "cairo-parts", new ShippingPolicy(egp(50_00), egp(1_000_00)),
            "giza-tyres", new ShippingPolicy(egp(75_00), null),
            "delta-oils", ShippingPolicy.free(Currencies.of("EGP"))).get(vendor));

    @Test
    void threeVendorCartIsPricedLineByLineWithShippingAndVat() {
        OrderTotals totals = pricing.price(List.of(
                new PriceLine("l1", "cairo-parts", 2, egp(350_00)),
                new PriceLine("l2", "giza-tyres", 4, egp(1_250_00)),
                new PriceLine("l3", "delta-oils", 3, egp(99_99)),
                new PriceLine("l4", "cairo-parts", 1, egp(420_50))), EGYPT);

        // cairo-parts: 700.00 + 420.50 = 1,120.50 >= 1,000.00 -> free shipping; VAT 98.00 + 58.87 (58.87 exact)
        VendorTotals cairo = totals.vendors().get(0);
        assertThat(cairo.vendorId()).isEqualTo("cairo-parts");
        assertThat(cairo.subtotal()).isEqualTo(egp(1_120_50));
        assertThat(cairo.shipping()).isEqualTo(egp(0));
        assertThat(cairo.lines()).extracting(PricedLine::vat).containsExactly(egp(98_00), egp(58_87));
        assertThat(cairo.vat()).isEqualTo(egp(156_87));
        assertThat(cairo.total()).isEqualTo(egp(1_277_37));

        // giza-tyres: 5,000.00, shipping 75.00 (never free), VAT 700.00 + 10.50
        VendorTotals giza = totals.vendors().get(1);
        assertThat(giza.shipping()).isEqualTo(egp(75_00));
        assertThat(giza.shippingVat()).isEqualTo(egp(10_50));
        assertThat(giza.vat()).isEqualTo(egp(710_50));
        assertThat(giza.total()).isEqualTo(egp(5_785_50));

        // delta-oils: 3 x 99.99 = 299.97, VAT 14 % = 41.9958 -> 42.00 (half-even to the piastre)
        VendorTotals delta = totals.vendors().get(2);
        assertThat(delta.subtotal()).isEqualTo(egp(299_97));
        assertThat(delta.vat()).isEqualTo(egp(42_00));

        assertThat(totals.subtotal()).isEqualTo(egp(6_420_47));
        assertThat(totals.shipping()).isEqualTo(egp(75_00));
        assertThat(totals.vat()).isEqualTo(egp(909_37));
        assertThat(totals.grandTotal()).isEqualTo(egp(7_404_84));
        assertThat(totals.grandTotal()).isEqualTo(cairo.total().plus(giza.total()).plus(delta.total()));
    }

    @Test
    void vatIsRoundedPerLineHalfEvenAndTotalsAreSumsOfRoundedLines() {
        // 0.25 at 14 % = 0.035 -> 0.04 (half-even: 3.5 -> 4); three such lines sum to 0.12, not round(0.105) = 0.10
        OrderTotals totals = pricing.price(List.of(
                new PriceLine("a", "delta-oils", 1, egp(25)),
                new PriceLine("b", "delta-oils", 1, egp(25)),
                new PriceLine("c", "delta-oils", 1, egp(25))), EGYPT);
        assertThat(totals.vat()).isEqualTo(egp(12));
        assertThat(totals.grandTotal()).isEqualTo(egp(87));
    }

    @Test
    void vatRateFollowsTheShippingCountry() {
        OrderTotals toRiyadh = new Pricing(VatTable.seed(), vendor -> ShippingPolicy.free(Currencies.of("SAR")))
                .price(List.of(new PriceLine("l1", "jeddah-motors", 1, Money.of(80_000_00, "SAR"))), SAUDI_ARABIA);
        assertThat(toRiyadh.vatRate().basisPoints()).isEqualTo(1_500);
        assertThat(toRiyadh.vat()).isEqualTo(Money.of(12_000_00, "SAR"));
    }

    @Test
    void freeShippingStartsExactlyAtTheThreshold() {
        assertThat(pricing.price(List.of(new PriceLine("l", "cairo-parts", 1, egp(999_99))), EGYPT)
                .shipping()).isEqualTo(egp(50_00));
        assertThat(pricing.price(List.of(new PriceLine("l", "cairo-parts", 1, egp(1_000_00))), EGYPT)
                .shipping()).isEqualTo(egp(0));
    }

    @Test
    void secondCurrencyInOneCartIsRefused() {
        assertThatThrownBy(() -> pricing.price(List.of(
                new PriceLine("l1", "cairo-parts", 1, egp(100_00)),
                new PriceLine("l2", "delta-oils", 1, Money.of(100_00, "SAR"))), EGYPT))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void shippingToACountryWithoutVatRateIsRefused() {
        assertThatThrownBy(() -> pricing.price(List.of(new PriceLine("l", "delta-oils", 1, egp(1_00))),
                CountryCode.of("FR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No VAT rate for shipping to FR");
    }

    @Test
    void emptyOrZeroQuantityLinesAreRefused() {
        assertThatThrownBy(() -> pricing.price(List.of(), EGYPT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriceLine("l", "delta-oils", 0, egp(1_00)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Money egp(long piastres) {
        return Money.of(piastres, "EGP");
    }
}
