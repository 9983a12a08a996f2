package com.souq.commerce.listing.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The categories the marketplaces sell in, serialized by their slug ({@code spare-parts}). An unknown slug is refused:
 * facets and commission plans rely on a closed list.
 */
public enum Category {
    CARS("cars"),
    MOTORCYCLES("motorcycles"),
    SPARE_PARTS("spare-parts"),
    TYRES_AND_WHEELS("tyres-and-wheels"),
    CAR_ACCESSORIES("car-accessories"),
    ELECTRONICS("electronics"),
    HOME_AND_GARDEN("home-and-garden"),
    FASHION("fashion"),
    GENERAL("general");

    private final String slug;

    Category(String slug) {
        this.slug = slug;
    }

    @JsonValue
    public String slug() {
        return slug;
    }

    @JsonCreator
    public static Category fromSlug(String slug) {
        return Arrays.stream(values()).filter(category -> category.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown category: " + slug));
    }
}
