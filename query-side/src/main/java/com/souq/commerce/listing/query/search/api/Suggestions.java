package com.souq.commerce.listing.query.search.api;

import java.util.List;
import java.util.Map;

/** Completions, best first: the normalized text completed and the listing it came from. */
public record Suggestions(List<Suggestion> suggestions) {

    public record Suggestion(String text, String listingId, Map<String, String> title) {
    }
}
