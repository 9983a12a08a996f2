package com.souq.commerce.listing.query.search.api;

/** Completions of what a shopper has typed so far. */
public record SuggestListingsQuery(String prefix, int size) {
}
