package com.souq.commerce.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The vendors and listings a run trades in, set up over HTTP before the load starts: approved Egyptian vendors,
 * each with published listings. Some listings have little stock, so shoppers compete for the last units and
 * reservations are refused.
 */
record Marketplace(List<Vendor> vendors, List<Listing> listings, String adminToken) {

    record Vendor(String vendorId, String staffToken) {
    }

    record Listing(String listingId, Vendor vendor, long priceMinor, int initialStock) {
    }

    static Marketplace open(Shop shop, int vendorCount, int listingsPerVendor, int stock, int scarceStock) {
        String admin = shop.token("reliability-admin", List.of("ADMIN"), null);
        List<Vendor> vendors = new ArrayList<>();
        List<Listing> listings = new ArrayList<>();
        for (int v = 0; v < vendorCount; v++) {
            String applicant = shop.token("reliability-applicant-" + UUID.randomUUID(), List.of("VENDOR"), null);
            Shop.Answer applied = expect(shop.post("/api/v1/vendors", applicant, Map.of(
                    "displayName", "Reliability Vendor " + v, "legalName", "Reliability Vendor " + v + " LLC",
                    "country", "EG", "currency", "EGP", "contactEmail", "vendor" + v + "@reliability.example"),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201);
            String vendorId = applied.json().get("vendorId").asString();
            expect(shop.post("/api/v1/vendors/" + vendorId + "/kyc-documents", applicant,
                    Map.of("documentType", "COMMERCIAL_REGISTRATION", "reference", "cr-" + vendorId)), 202);
            expect(shop.post("/api/v1/vendors/" + vendorId + "/approval", admin, null), 202);
            Vendor vendor = new Vendor(vendorId, shop.token("reliability-staff-" + vendorId, List.of("VENDOR"),
                    vendorId));
            vendors.add(vendor);
            for (int l = 0; l < listingsPerVendor; l++) {
                int units = l == 0 ? scarceStock : stock;
                long price = 50_00 + 25_00L * ((v * listingsPerVendor + l) % 17);
                listings.add(new Listing(publishedListing(shop, vendor, "Part " + v + "-" + l, price, units), vendor,
                        price, units));
            }
        }
        return new Marketplace(List.copyOf(vendors), List.copyOf(listings), admin);
    }

    private static String publishedListing(Shop shop, Vendor vendor, String title, long priceMinor, int stock) {
        Shop.Answer created = expect(shop.post("/api/v1/vendors/" + vendor.vendorId() + "/listings",
                vendor.staffToken(), Map.of(
                        "category", "spare-parts",
                        "title", Map.of("en", title, "ar", "قطعة " + title),
                        "description", Map.of("en", "Reliability run stock"),
                        "attributes", Map.of("make", "Toyota", "model", "Corolla", "year", 2019, "condition", "NEW",
                                "city", "Cairo", "oemNumbers", List.of(), "extra", Map.of()),
                        "price", Map.of("minorUnits", priceMinor, "currency", "EGP"),
                        "stock", stock),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201);
        String listingId = created.json().get("listingId").asString();
        expect(shop.post("/api/v1/listings/" + listingId + "/publication", vendor.staffToken(), null), 202);
        return listingId;
    }

    private static Shop.Answer expect(Shop.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("Setting up the marketplace: expected " + status + ", got " + answer);
        }
        return answer;
    }
}
