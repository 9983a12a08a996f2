package com.souq.commerce.listing.query.web;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingStatus;
import com.souq.commerce.listing.query.api.FindListingQuery;
import com.souq.commerce.listing.query.api.FindListingReservationsQuery;
import com.souq.commerce.listing.query.api.FindVendorListingsQuery;
import com.souq.commerce.listing.query.api.ListingView;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.web.ExpectedVersion;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.platform.web.Problems;
import com.souq.commerce.vendor.api.VendorId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog read from PostgreSQL. Anyone reads a published listing of an approved vendor; the vendor itself and
 * staff read its listings in every status, its stock and its reservations. To anyone else a listing that is not on
 * the storefront does not exist (404), so drafts are never revealed. A read answers the view's version as its
 * {@code ETag}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "listings")
class ListingQueryController {


    private final QueryGateway queries;

    ListingQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/listings/{listingId}")
    @Operation(summary = "One listing: published ones to anyone, every status to its vendor and staff")
    ResponseEntity<?> listing(@PathVariable String listingId, Authentication caller) {
        Optional<ListingView> listing = visibleListing(ListingId.of(listingId), caller);
        if (listing.isEmpty()) {
            return notFound(listingId);
        }
        return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(listing.get().version())).body(listing.get());
    }

    @GetMapping("/listings/{listingId}/reservations")
    @Operation(summary = "The reservations of a listing, newest first (its vendor and staff)")
    @SuppressWarnings("unchecked")
    ResponseEntity<?> reservations(@PathVariable String listingId,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                   Authentication caller) {
        ListingId id = ListingId.of(listingId);
        if (caller == null) {
            return problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "A valid bearer token is required");
        }
        Optional<ListingView> listing = visibleListing(id, caller);
        if (listing.isEmpty()) {
            return notFound(listingId);
        }
        if (!manages(caller, listing.get().vendorId())) {
            return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Only the vendor and staff see a listing's reservations");
        }
        PageResult<?> reservations = queries.query(new FindListingReservationsQuery(id, page, size),
                ResponseTypes.instanceOf(PageResult.class)).join();
        return ResponseEntity.ok(reservations);
    }

    @GetMapping("/vendors/{vendorId}/listings")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A vendor's listings in every status, newest first (the vendor itself and staff)")
    @SuppressWarnings("unchecked")
    ResponseEntity<?> vendorListings(@PathVariable String vendorId,
                                     @RequestParam(required = false) ListingStatus status,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                     Authentication caller) {
        VendorId vendor = VendorId.of(vendorId);
        if (!manages(caller, vendor.value())) {
            return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Only the vendor itself and staff list its listings");
        }
        PageResult<ListingView> listings = queries.query(new FindVendorListingsQuery(vendor, status, page, size),
                ResponseTypes.instanceOf(PageResult.class)).join();
        return ResponseEntity.ok(listings);
    }

    private Optional<ListingView> visibleListing(ListingId listingId, Authentication caller) {
        return queries.query(new FindListingQuery(listingId), ResponseTypes.optionalInstanceOf(ListingView.class))
                .join()
                .filter(listing -> listing.isPublic() || (caller != null && manages(caller, listing.vendorId())));
    }

    private static boolean manages(Authentication caller, String vendorId) {
        Actor actor = Actor.of(caller);
        return actor.actsFor(vendorId) || actor.isStaff();
    }

    private static ResponseEntity<?> notFound(String listingId) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No listing with id " + listingId);
    }

    private static ResponseEntity<?> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail));
    }
}
