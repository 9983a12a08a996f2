package com.souq.commerce.engine.listing;

import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.platform.web.ExpectedVersion;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import tools.jackson.databind.JsonNode;

/**
 * The catalog as a test meets it: the HTTP API, an approved vendor with a token of its own, and reads that wait for
 * the projection to catch up with the events a test appended.
 */
final class Catalog {

    final Api api;
    final VendorHistory vendor;
    final String seller;
    private final String staff;

    Catalog(int port, EventStore store) {
        this.api = new Api(port);
        this.vendor = VendorHistory.approved(store);
        this.seller = api.token("seller-" + vendor.id(), List.of("VENDOR"), vendor.id());
        this.staff = api.token("catalog-support", "SUPPORT");
    }

    /** The listing as staff see it once the projection has applied its event {@code version}. */
    JsonNode awaitVersion(ListingHistory listing, long version) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/listings/" + listing.id(), staff),
                        reply -> reply.status() == 200
                                && ExpectedVersion.entityTag(version).equals(reply.header("ETag")))
                .json();
    }

    JsonNode awaitVendorStatus(ListingHistory listing, String vendorStatus) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/listings/" + listing.id(), staff),
                        reply -> reply.status() == 200
                                && vendorStatus.equals(reply.json().path("vendorStatus").asString(null)))
                .json();
    }

    Reply get(ListingHistory listing, String token) {
        return api.get("/api/v1/listings/" + listing.id(), token);
    }
}
