package com.souq.commerce.saga.commission;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Where the commission process learns a vendor's terms as they stood when an order was paid. Empty when the vendor
 * or one of the listings is not known (yet): the process then tries again later rather than guess.
 */
public interface CommissionTermsSource {

    Optional<CommissionTerms> termsAsOf(VendorId vendorId, Collection<ListingId> listings, Instant asOf);
}
