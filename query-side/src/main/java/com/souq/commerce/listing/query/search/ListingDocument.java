package com.souq.commerce.listing.query.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.Condition;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.ListingStatus;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.vendor.api.VendorStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One listing in the search index: what the listing's events say (the record's components, read back when a later
 * event changes part of it) and the fields derived from them for searching (normalized texts, compact OEM numbers,
 * completion inputs, visibility), written but never read back. {@code version} is the sequence number of the last
 * listing event applied, also the document's external version in Elasticsearch.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ListingDocument(
        String listingId,
        String vendorId,
        ListingStatus status,
        VendorStatus vendorStatus,
        Category category,
        Map<String, String> title,
        Map<String, String> description,
        String make,
        String model,
        Integer year,
        Integer mileageKm,
        Condition condition,
        List<String> oemNumbers,
        String city,
        Map<String, String> extra,
        long price,
        String currency,
        int stock,
        String createdAt,
        String publishedAt,
        long version) {

    private static final int SUGGESTION_WORDS = 6;

    ListingDocument {
        title = title == null ? Map.of() : Map.copyOf(title);
        description = description == null ? Map.of() : Map.copyOf(description);
        oemNumbers = oemNumbers == null ? List.of() : List.copyOf(oemNumbers);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    ListingDocument described(Category newCategory, LocalizedText newTitle, LocalizedText newDescription,
                              ListingAttributes attributes, long newVersion) {
        return new ListingDocument(listingId, vendorId, status, vendorStatus, newCategory, newTitle.values(),
                newDescription.values(), attributes.make(), attributes.model(), attributes.year(),
                attributes.mileageKm(), attributes.condition(), attributes.oemNumbers(), attributes.city(),
                attributes.extra(), price, currency, stock, createdAt, publishedAt, newVersion);
    }

    ListingDocument withStatus(ListingStatus newStatus, String newPublishedAt, long newVersion) {
        return new ListingDocument(listingId, vendorId, newStatus, vendorStatus, category, title, description, make,
                model, year, mileageKm, condition, oemNumbers, city, extra, price, currency, stock, createdAt,
                newPublishedAt, newVersion);
    }

    ListingDocument withPrice(long newPrice, String newCurrency, long newVersion) {
        return new ListingDocument(listingId, vendorId, status, vendorStatus, category, title, description, make,
                model, year, mileageKm, condition, oemNumbers, city, extra, newPrice, newCurrency, stock, createdAt,
                publishedAt, newVersion);
    }

    ListingDocument withStock(int available, long newVersion) {
        return new ListingDocument(listingId, vendorId, status, vendorStatus, category, title, description, make,
                model, year, mileageKm, condition, oemNumbers, city, extra, price, currency, available, createdAt,
                publishedAt, newVersion);
    }

    ListingDocument withVendorStatus(VendorStatus newVendorStatus) {
        return new ListingDocument(listingId, vendorId, status, newVendorStatus, category, title, description, make,
                model, year, mileageKm, condition, oemNumbers, city, extra, price, currency, stock, createdAt,
                publishedAt, version);
    }

    /** On the storefront: published by a vendor that may sell. */
    @JsonProperty(value = "visible", access = JsonProperty.Access.READ_ONLY)
    boolean visible() {
        return status == ListingStatus.PUBLISHED && vendorStatus == VendorStatus.APPROVED;
    }

    @JsonProperty(value = "titleText", access = JsonProperty.Access.READ_ONLY)
    String titleText() {
        return normalized(title.values().stream());
    }

    @JsonProperty(value = "textEn", access = JsonProperty.Access.READ_ONLY)
    String textEn() {
        return normalized(Stream.of(title.get("en"), description.get("en")));
    }

    @JsonProperty(value = "textAr", access = JsonProperty.Access.READ_ONLY)
    String textAr() {
        return normalized(Stream.of(title.get("ar"), description.get("ar")));
    }

    /** Every language and every attribute a shopper may type: makes, models, OEM numbers, city, free attributes. */
    @JsonProperty(value = "textAll", access = JsonProperty.Access.READ_ONLY)
    String textAll() {
        return normalized(Stream.of(title.values().stream(), description.values().stream(),
                        Stream.of(make, model, city, category == null ? null : category.slug().replace('-', ' '),
                                year == null ? null : year.toString(),
                                condition == null ? null : condition.name()),
                        oemNumbers.stream(), extra.values().stream())
                .flatMap(texts -> texts));
    }

    @JsonProperty(value = "makeText", access = JsonProperty.Access.READ_ONLY)
    String makeText() {
        return ArabicNormalizer.normalize(make);
    }

    @JsonProperty(value = "modelText", access = JsonProperty.Access.READ_ONLY)
    String modelText() {
        return ArabicNormalizer.normalize(model);
    }

    @JsonProperty(value = "oemCompact", access = JsonProperty.Access.READ_ONLY)
    List<String> oemCompact() {
        return oemNumbers.stream().map(ListingDocument::compact).toList();
    }

    /**
     * Completion inputs: each title from each of its first words on (so "cam" finds "Toyota Camry"), make, model
     * and both together, all normalized; the context tells visible listings from the rest.
     */
    @JsonProperty(value = "suggest", access = JsonProperty.Access.READ_ONLY)
    Map<String, Object> suggest() {
        Set<String> inputs = new LinkedHashSet<>();
        title.values().forEach(text -> {
            List<String> words = Arrays.asList(ArabicNormalizer.normalize(text).split("\\s+"));
            for (int first = 0; first < Math.min(words.size(), SUGGESTION_WORDS); first++) {
                inputs.add(String.join(" ", words.subList(first, words.size())));
            }
        });
        Stream.of(make, model, make == null || model == null ? null : make + " " + model)
                .map(ArabicNormalizer::normalize).forEach(inputs::add);
        inputs.removeIf(String::isBlank);
        return Map.of("input", new ArrayList<>(inputs), "contexts", Map.of("visible", List.of(
                Boolean.toString(visible()))));
    }

    /** An OEM number as shoppers type it in any spelling: lower case, without spaces, dashes or dots. */
    static String compact(String oemNumber) {
        return ArabicNormalizer.normalize(oemNumber).replaceAll("[\\s\\-./]", "").toLowerCase(Locale.ROOT);
    }

    private static String normalized(Stream<String> texts) {
        return texts.filter(text -> text != null && !text.isBlank()).map(ArabicNormalizer::normalize)
                .collect(Collectors.joining(" "));
    }
}
