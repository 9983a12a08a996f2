package com.souq.commerce.listing.query.search;

import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.Condition;
import com.souq.commerce.listing.query.search.api.SearchListingsQuery;
import com.souq.commerce.listing.query.search.api.SearchSort;
import com.souq.commerce.platform.web.FieldError;
import com.souq.commerce.shared.Identifiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the query string of a search into a query record, collecting every invalid parameter instead of stopping at
 * the first: unknown parameters, values of the wrong type or out of range, inverted ranges, a price range without
 * its currency, and pages beyond what Elasticsearch may page through (page*size at most 10,000).
 */
final class SearchParameters {

    static final int MAX_TEXT = 200;
    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 500;
    static final int MAX_WINDOW = 10_000;

    private static final Set<String> LISTING_PARAMETERS = Set.of("q", "category", "make", "model", "yearFrom",
            "yearTo", "priceFrom", "priceTo", "currency", "city", "vendorId", "condition", "sort", "page", "size");

    private final Map<String, String> values;
    private final List<FieldError> errors = new ArrayList<>();

    private SearchParameters(Map<String, String> values, Set<String> known) {
        this.values = values;
        new TreeSet<>(values.keySet()).stream().filter(name -> !known.contains(name))
                .forEach(name -> errors.add(new FieldError(name, "is not a parameter of this search")));
    }

    /** A result or the invalid fields, never both. */
    record Parsed<T>(T query, List<FieldError> errors) {
    }

    static Parsed<SearchListingsQuery> listings(Map<String, String> values, String shopVendorId) {
        Set<String> known = new TreeSet<>(LISTING_PARAMETERS);
        if (shopVendorId != null) {
            known.remove("vendorId");
        }
        SearchParameters parameters = new SearchParameters(values, known);
        return parameters.listings(shopVendorId);
    }

    static Parsed<Integer> size(Map<String, String> values, int defaultSize, int maxSize, String... others) {
        Set<String> known = new TreeSet<>(Arrays.asList(others));
        known.add("size");
        SearchParameters parameters = new SearchParameters(values, known);
        int size = parameters.integer("size", defaultSize, 1, maxSize);
        return parameters.result(size);
    }

    private Parsed<SearchListingsQuery> listings(String shopVendorId) {
        String text = text("q");
        Category category = parsed("category", Category::fromSlug, "is not a category: one of "
                + Arrays.stream(Category.values()).map(Category::slug).toList());
        Condition condition = parsed("condition", value -> Condition.valueOf(value.toUpperCase(Locale.ROOT)),
                "is not a condition: one of " + Arrays.toString(Condition.values()));
        SearchSort sort = parsed("sort", value -> SearchSort.fromName(value).orElseThrow(),
                "is not a sort: relevance, price_asc, price_desc or newest");
        Integer yearFrom = integerOrNull("yearFrom", 1886, 2100);
        Integer yearTo = integerOrNull("yearTo", 1886, 2100);
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            errors.add(new FieldError("yearFrom", "is after yearTo"));
        }
        Long priceFrom = longOrNull("priceFrom");
        Long priceTo = longOrNull("priceTo");
        if (priceFrom != null && priceTo != null && priceFrom > priceTo) {
            errors.add(new FieldError("priceFrom", "is above priceTo"));
        }
        String currency = parsed("currency", value -> Currency.getInstance(value).getCurrencyCode(),
                "is not an ISO 4217 currency code");
        if ((priceFrom != null || priceTo != null) && currency == null && !values.containsKey("currency")) {
            errors.add(new FieldError("currency", "is required with priceFrom or priceTo (prices are in minor units"
                    + " of one currency)"));
        }
        String vendorId = shopVendorId != null ? shopVendorId : parsed("vendorId",
                value -> Identifiers.requireValid("vendor", value), "is not a vendor id");
        int page = integer("page", 0, 0, MAX_PAGE);
        int size = integer("size", 20, 1, MAX_SIZE);
        if ((long) page * size > MAX_WINDOW) {
            errors.add(new FieldError("page", "page*size may not exceed " + MAX_WINDOW + ": narrow the search"));
        }
        return result(new SearchListingsQuery(text, category, text("make"), text("model"), yearFrom, yearTo,
                priceFrom, priceTo, currency, text("city"), vendorId, condition,
                sort == null ? SearchSort.RELEVANCE : sort, page, size));
    }

    private <T> Parsed<T> result(T query) {
        return errors.isEmpty() ? new Parsed<>(query, List.of()) : new Parsed<>(null, List.copyOf(errors));
    }

    private String text(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(name, "is longer than " + MAX_TEXT + " characters"));
            return null;
        }
        return value.strip();
    }

    private <T> T parsed(String name, Function<String, T> parser, String message) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            errors.add(new FieldError(name, message));
            return null;
        }
    }

    private int integer(String name, int defaultValue, int min, int max) {
        Integer value = integerOrNull(name, min, max);
        return value == null ? defaultValue : value;
    }

    private Integer integerOrNull(String name, int min, int max) {
        Long value = longOrNull(name);
        if (value == null) {
            return null;
        }
        if (value < min || value > max) {
            errors.add(new FieldError(name, "must be between " + min + " and " + max));
            return null;
        }
        return value.intValue();
    }

    private Long longOrNull(String name) {
        Long value = parsed(name, Long::valueOf, "is not a whole number");
        if (value != null && value < 0) {
            errors.add(new FieldError(name, "may not be negative"));
            return null;
        }
        return value;
    }
}
