package com.souq.commerce.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.vendor.api.VendorId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every bad search parameter is a 400 problem naming it, never a 500; rebuilding is for administrators only. */
@EngineIntegrationTest
class SearchParametersTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "size=0                                   | size",
            "size=101                                 | size",
            "size=ten                                 | size",
            "page=-1                                  | page",
            "page=501                                 | page",
            "page=200&size=100                        | page",
            "yearFrom=2022&yearTo=2020                | yearFrom",
            "yearFrom=1200                            | yearFrom",
            "priceFrom=500&priceTo=100&currency=EGP   | priceFrom",
            "priceFrom=500                            | currency",
            "priceTo=-5&currency=EGP                  | priceTo",
            "currency=EGPX                            | currency",
            "category=boats                           | category",
            "sort=cheapest                            | sort",
            "condition=broken                         | condition",
            "vendorId=not-a-vendor                    | vendorId",
            "colour=red                               | colour"})
    void badListingSearchParameterIsAValidationProblemNamingIt(String query, String field) {
        Reply reply = api.get("/api/v1/search/listings?" + query, null);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(reply)).contains(field);
    }

    @Test
    void everyBadParameterIsListedAtOnce() {
        Reply reply = api.get("/api/v1/search/listings?size=0&sort=cheapest&yearFrom=2022&yearTo=2020", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply)).containsExactlyInAnyOrder("size", "sort", "yearFrom");
    }

    @Test
    void theLargestPageAllowedIsAnswered() {
        assertThat(api.get("/api/v1/search/listings?page=100&size=100", null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/search/listings?page=500&size=20&sort=newest", null).status()).isEqualTo(200);
    }

    @Test
    void shopSearchTakesItsVendorFromThePathOnly() {
        Reply foreign = api.get("/api/v1/search/vendors/" + VendorId.random() + "/listings?vendorId="
                + VendorId.random(), null);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(fields(foreign)).containsExactly("vendorId");

        Reply malformed = api.get("/api/v1/search/vendors/not-a-vendor/listings", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("INVALID_IDENTIFIER");
    }

    @Test
    void suggestionsNeedTextAndASensibleSize() {
        assertThat(fields(api.get("/api/v1/search/suggestions", null))).containsExactly("q");
        assertThat(fields(api.get("/api/v1/search/suggestions?q=toy&size=21", null))).containsExactly("size");
        assertThat(fields(api.get("/api/v1/search/listings/" + VendorId.random() + "/similar?size=0", null)))
                .containsExactly("size");
    }

    @Test
    void onlyAdministratorsRebuildTheIndex() {
        String path = "/api/v1/admin/search/listings/rebuild";
        assertThat(api.post(path, null, null).status()).isEqualTo(401);
        assertThat(api.post(path, api.token("shopper-rebuild", "CUSTOMER"), null).status()).isEqualTo(403);
        assertThat(api.get(path, api.token("analyst-rebuild", "ANALYST")).status()).isEqualTo(403);
    }

    private static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
