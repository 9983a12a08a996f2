package com.souq.commerce.vendor.api;

import com.souq.commerce.shared.money.Rate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the platform keeps of a vendor's sales: a default rate and optional per-category rates, in basis points.
 * The plan in force when an order is paid is the one its commission is computed with.
 */
public record CommissionPlan(Rate defaultRate, Map<String, Rate> categoryRates) {

    private static final Pattern CATEGORY_SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_CATEGORY_LENGTH = 64;

    public CommissionPlan {
        Objects.requireNonNull(defaultRate, "defaultRate");
        categoryRates = categoryRates == null ? Map.of() : new TreeMap<>(categoryRates);
        categoryRates.forEach((category, rate) -> {
            if (category.length() > MAX_CATEGORY_LENGTH || !CATEGORY_SLUG.matcher(category).matches()) {
                throw new IllegalArgumentException("Not a category slug: " + category);
            }
            Objects.requireNonNull(rate, "rate of " + category);
        });
        categoryRates = java.util.Collections.unmodifiableMap(categoryRates);
    }

    public static CommissionPlan flat(Rate rate) {
        return new CommissionPlan(rate, Map.of());
    }

    public Rate rateFor(String category) {
        return categoryRates.getOrDefault(category, defaultRate);
    }
}
