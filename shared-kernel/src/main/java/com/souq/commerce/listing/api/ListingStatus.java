package com.souq.commerce.listing.api;

/**
 * Where a listing stands. Only {@link #PUBLISHED} listings of approved vendors are on the storefront and can be
 * reserved. {@link #SOLD} and {@link #DELETED} are final.
 * <pre>
 * DRAFT --publish--> PUBLISHED <--unpublish/publish--> UNPUBLISHED
 *   any but final --mark sold--> SOLD        any but final --delete--> DELETED
 * </pre>
 */
public enum ListingStatus {
    DRAFT,
    PUBLISHED,
    UNPUBLISHED,
    SOLD,
    DELETED
}
