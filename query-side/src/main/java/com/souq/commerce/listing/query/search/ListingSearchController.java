package com.souq.commerce.listing.query.search;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.query.search.api.FindSimilarListingsQuery;
import com.souq.commerce.listing.query.search.api.ListingSearchResult;
import com.souq.commerce.listing.query.search.api.SearchListingsQuery;
import com.souq.commerce.listing.query.search.api.SimilarListings;
import com.souq.commerce.listing.query.search.api.SuggestListingsQuery;
import com.souq.commerce.listing.query.search.api.Suggestions;
import com.souq.commerce.platform.web.FieldError;
import com.souq.commerce.platform.web.Problems;
import com.souq.commerce.vendor.api.VendorId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The storefront's search, open to anyone: listings by text and filters with facets, a vendor's shop, completions
 * while typing, similar listings. Every parameter is checked here, so a bad one is a 400 listing it, never a 500.
 */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "search")
class ListingSearchController {

    private final QueryGateway queries;

    ListingSearchController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/listings")
    @Operation(summary = "Published listings by text (English, Arabic) and filters, with facets; sort and pages")
    ResponseEntity<?> listings(@RequestParam Map<String, String> parameters) {
        return search(SearchParameters.listings(parameters, null));
    }

    @GetMapping("/vendors/{vendorId}/listings")
    @Operation(summary = "Search inside one vendor's shop: the same parameters and facets")
    ResponseEntity<?> shop(@PathVariable String vendorId, @RequestParam Map<String, String> parameters) {
        return search(SearchParameters.listings(parameters, VendorId.of(vendorId).value()));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Completions of what a shopper typed (English or Arabic, any spelling)")
    ResponseEntity<?> suggestions(@RequestParam Map<String, String> parameters) {
        SearchParameters.Parsed<Integer> size = SearchParameters.size(parameters, 8, 20, "q");
        String prefix = parameters.getOrDefault("q", "").strip();
        if (!size.errors().isEmpty()) {
            return invalid(size.errors());
        }
        if (prefix.isEmpty() || prefix.length() > SearchParameters.MAX_TEXT) {
            return invalid(List.of(new FieldError("q", "is required, at most " + SearchParameters.MAX_TEXT
                    + " characters")));
        }
        return ResponseEntity.ok(queries.query(new SuggestListingsQuery(prefix, size.query()),
                ResponseTypes.instanceOf(Suggestions.class)).join());
    }

    @GetMapping("/listings/{listingId}/similar")
    @Operation(summary = "Published listings like this one, itself excluded")
    ResponseEntity<?> similar(@PathVariable String listingId, @RequestParam Map<String, String> parameters) {
        ListingId id = ListingId.of(listingId);
        SearchParameters.Parsed<Integer> size = SearchParameters.size(parameters, 6, 50);
        if (!size.errors().isEmpty()) {
            return invalid(size.errors());
        }
        Optional<SimilarListings> similar = queries.query(new FindSimilarListingsQuery(id, size.query()),
                ResponseTypes.optionalInstanceOf(SimilarListings.class)).join();
        return similar.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> ResponseEntity
                .status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "No published listing with id " + listingId)));
    }

    private ResponseEntity<?> search(SearchParameters.Parsed<SearchListingsQuery> parsed) {
        if (!parsed.errors().isEmpty()) {
            return invalid(parsed.errors());
        }
        return ResponseEntity.ok(queries.query(parsed.query(), ResponseTypes.instanceOf(ListingSearchResult.class))
                .join());
    }

    private static ResponseEntity<?> invalid(List<FieldError> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "The request has invalid fields");
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
    }
}
