package com.souq.commerce.listing.query;

import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.LocalizedText;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import tools.jackson.databind.ObjectWriter;

/**
 * What describes a listing as the {@code listings} columns hold it: category, texts (JSON) and attributes. Texts and
 * further attributes are maps of strings, written by a writer made for that type ({@code texts}): the generic path,
 * which looks up the serializer of a {@code @JsonValue}'s map at every call, took a third of a rebuild's applying.
 */
record ListingDescription(String category, String title, String description, String make, String model, Integer year,
                          Integer mileageKm, String condition, String[] oemNumbers, String city, String extra) {

    static ListingDescription of(ObjectWriter texts, Category category, LocalizedText title,
                                 LocalizedText description, ListingAttributes attributes) {
        return new ListingDescription(category.slug(), texts.writeValueAsString(title.values()),
                texts.writeValueAsString(description.values()), attributes.make(), attributes.model(),
                attributes.year(), attributes.mileageKm(),
                attributes.condition() == null ? null : attributes.condition().name(),
                attributes.oemNumbers().toArray(String[]::new), attributes.city(),
                texts.writeValueAsString(attributes.extra()));
    }

    /** Binds the columns' parameters of the projector's statements. */
    MapSqlParameterSource bind(MapSqlParameterSource parameters) {
        return parameters
                .addValue("category", category)
                .addValue("title", title)
                .addValue("description", description)
                .addValue("make", make)
                .addValue("model", model)
                .addValue("year", year)
                .addValue("mileage", mileageKm)
                .addValue("condition", condition)
                .addValue("oem", oemNumbers)
                .addValue("city", city)
                .addValue("extra", extra);
    }
}
