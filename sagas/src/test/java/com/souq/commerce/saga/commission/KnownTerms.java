package com.souq.commerce.saga.commission;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Commission terms the test says are known, by vendor; a vendor not told is unknown (the source answers empty). */
final class KnownTerms implements CommissionTermsSource {

    private final Map<VendorId, CommissionTerms> terms = new HashMap<>();

    KnownTerms with(CommissionTerms known) {
        terms.put(known.vendorId(), known);
        return this;
    }

    @Override
    public Optional<CommissionTerms> termsAsOf(VendorId vendorId, Collection<ListingId> listings, Instant asOf) {
        return Optional.ofNullable(terms.get(vendorId))
                .map(known -> new CommissionTerms(vendorId, known.country(), known.plan(), known.categories(), asOf));
    }
}
