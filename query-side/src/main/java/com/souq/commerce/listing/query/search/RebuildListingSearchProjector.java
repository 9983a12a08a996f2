package com.souq.commerce.listing.query.search;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/**
 * The same projection as {@link LiveListingSearchProjector} in a processing group of its own, writing only into the
 * index a rebuild fills ({@link ListingSearchRebuild}); while no rebuild has run it passes every event by.
 */
@Component
@ProcessingGroup(RebuildListingSearchProjector.PROCESSING_GROUP)
class RebuildListingSearchProjector extends ListingSearchProjection {

    static final String PROCESSING_GROUP = "listing-search-rebuild";

    private final ListingSearchRebuild rebuild;

    RebuildListingSearchProjector(ListingIndexWriter writer, ListingSearchRebuild rebuild) {
        super(writer);
        this.rebuild = rebuild;
    }

    @Override
    Optional<String> targetIndex() {
        return rebuild.targetIndex();
    }
}
