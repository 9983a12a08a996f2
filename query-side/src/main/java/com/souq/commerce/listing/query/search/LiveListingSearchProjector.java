package com.souq.commerce.listing.query.search;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/** Keeps the index behind the {@code listings} alias up to date with every listing and vendor event. */
@Component
@DependsOn("listingSearchIndex")
@ProcessingGroup(LiveListingSearchProjector.PROCESSING_GROUP)
class LiveListingSearchProjector extends ListingSearchProjection {

    static final String PROCESSING_GROUP = "listing-search";

    LiveListingSearchProjector(ListingIndexWriter writer) {
        super(writer);
    }

    @Override
    Optional<String> targetIndex() {
        return Optional.of(ListingSearchIndex.ALIAS);
    }
}
