package com.souq.commerce.saga.commission;

import static com.souq.commerce.saga.OrderFixture.BRAKE_PADS;
import static com.souq.commerce.saga.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.saga.OrderFixture.GIZA_TYRES;
import static com.souq.commerce.saga.OrderFixture.TYRE;

import com.souq.commerce.saga.OrderFixture;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.vendor.api.CommissionPlan;
import java.time.Instant;
import java.util.Map;

/**
 * The commission terms of {@link OrderFixture}'s two vendors, both in Egypt (VAT 14 %), and the figures their shares
 * split into, computed by hand:
 * <pre>
 * Cairo Parts: 2 x 350.00 brake pads = 700.00 + shipping 50.00 + VAT 98.00 + 7.00 = 855.00
 *   plan 8 %, spare-parts 6 %: commission 6 % of 700.00 = 42.00; VAT 14 % of it = 5.88; payable 807.12
 * Giza Tyres:  4 x 1,250.00 tyres = 5,000.00 + shipping 50.00 + VAT 700.00 + 7.00 = 5,757.00
 *   plan 10 % flat: commission 500.00; VAT 70.00; payable 5,187.00
 * </pre>
 */
final class CommissionFixture {

    static final CountryCode EGYPT = CountryCode.of("EG");
    static final CommissionPlan CAIRO_PLAN = new CommissionPlan(new Rate(800), Map.of("spare-parts", new Rate(600)));
    static final CommissionPlan GIZA_PLAN = CommissionPlan.flat(new Rate(1_000));
    static final CommissionTerms CAIRO_TERMS = new CommissionTerms(CAIRO_PARTS, EGYPT, CAIRO_PLAN,
            Map.of(BRAKE_PADS, "spare-parts"), Instant.EPOCH);
    static final CommissionTerms GIZA_TERMS = new CommissionTerms(GIZA_TYRES, EGYPT, GIZA_PLAN,
            Map.of(TYRE, "tyres-and-wheels"), Instant.EPOCH);

    static final Money CAIRO_SHARE = egp(855_00);
    static final Money CAIRO_COMMISSION = egp(42_00);
    static final Money CAIRO_TAX = egp(5_88);
    static final Money CAIRO_PAYABLE = egp(807_12);
    static final Money GIZA_SHARE = egp(5_757_00);
    static final Money GIZA_COMMISSION = egp(500_00);
    static final Money GIZA_TAX = egp(70_00);
    static final Money GIZA_PAYABLE = egp(5_187_00);

    private CommissionFixture() {
    }

    static Money egp(long minorUnits) {
        return Money.of(minorUnits, "EGP");
    }
}
