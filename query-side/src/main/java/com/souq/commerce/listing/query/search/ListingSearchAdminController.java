package com.souq.commerce.listing.query.search;

import com.souq.commerce.listing.query.search.api.RebuildStatus;
import com.souq.commerce.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators rebuild the listings index from the event store without interrupting searches, and watch it. */
@RestController
@RequestMapping("/api/v1/admin/search/listings/rebuild")
@Tag(name = "search administration")
class ListingSearchAdminController {

    private final ListingSearchRebuild rebuild;

    ListingSearchAdminController(ListingSearchRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rebuild the listings index into a new index and swap the alias when it has caught up")
    ResponseEntity<?> start() {
        return rebuild.start().<ResponseEntity<?>>map(status -> ResponseEntity.accepted().body(status))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                        "REBUILD_RUNNING", "A rebuild of the listings index is running: watch its status")));
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "State of the last rebuild: index names, position reached, head of the event store")
    RebuildStatus status() {
        return rebuild.status();
    }
}
