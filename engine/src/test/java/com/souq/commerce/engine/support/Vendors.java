package com.souq.commerce.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Vendors brought to a given stage over HTTP, and tokens of staff acting for them. */
public final class Vendors {

    private final Api api;

    public Vendors(Api api) {
        this.api = api;
    }

    /** A vendor that applied and handed in a document, but is not approved yet; answers its id. */
    public String underReview(String displayName, String country, String currency) {
        String applicant = api.token("applicant-" + UUID.randomUUID(), "VENDOR");
        Api.Reply applied = api.post("/api/v1/vendors", applicant,
                VendorRequests.application(displayName, country, currency),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String vendorId = applied.json().get("vendorId").asString();
        Api.Reply kyc = api.post("/api/v1/vendors/" + vendorId + "/kyc-documents", applicant,
                Map.of("documentType", "COMMERCIAL_REGISTRATION", "reference", "cr-" + vendorId));
        assertThat(kyc.status()).as(kyc.toString()).isEqualTo(202);
        return vendorId;
    }

    public String approved(String displayName, String country, String currency) {
        String vendorId = underReview(displayName, country, currency);
        Api.Reply approval = api.post("/api/v1/vendors/" + vendorId + "/approval",
                api.token("admin-vendors", "ADMIN"), null);
        assertThat(approval.status()).as(approval.toString()).isEqualTo(202);
        return vendorId;
    }

    /**
     * A listing of the vendor, drafted and published by its staff: spare parts titled "Brake pads", {@code stock} on
     * hand at {@code priceMinor} EGP minor units; answers its id.
     */
    public String publishedBrakePads(String vendorId, long priceMinor, int stock) {
        String staff = staffOf(vendorId);
        Api.Reply drafted = api.post("/api/v1/vendors/" + vendorId + "/listings", staff,
                Map.of("category", "spare-parts", "title", Map.of("en", "Brake pads"),
                        "price", Map.of("minorUnits", priceMinor, "currency", "EGP"), "stock", stock),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String listingId = drafted.json().get("listingId").asString();
        Api.Reply published = api.post("/api/v1/listings/" + listingId + "/publication", staff, null);
        assertThat(published.status()).as(published.toString()).isEqualTo(202);
        return listingId;
    }

    /** A VENDOR token acting for {@code vendorId}. */
    public String staffOf(String vendorId) {
        Api.Reply reply = api.post("/api/v1/dev/tokens", null,
                Map.of("subject", "staff-" + vendorId, "roles", List.of("VENDOR"), "vendorId", vendorId));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("accessToken").asString();
    }
}
