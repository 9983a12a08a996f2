package com.souq.commerce.engine.search;

import static com.souq.commerce.engine.search.SearchFixtures.brakePads;
import static com.souq.commerce.engine.search.SearchFixtures.camry;
import static com.souq.commerce.engine.search.SearchFixtures.elantra;
import static com.souq.commerce.engine.search.SearchFixtures.sunny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.vendor.api.VendorId;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The listings index is derived from the event store alone: replaying the live projection changes no document, and a
 * rebuild fills a new index while searches go on answering, then swaps the alias to it with the same results.
 */
@EngineIntegrationTest
class ListingSearchRebuildTest {

    private static final String REBUILD = "/api/v1/admin/search/listings/rebuild";

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    JdbcClient jdbc;

    Api api;
    SearchFixtures fixtures;
    SearchApi search;
    VendorId vendor;
    List<String> listings;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new SearchFixtures(eventStore);
        search = new SearchApi(api);
        vendor = fixtures.approvedVendor("Alexandria Cars", "EG", "EGP");
        listings = new ArrayList<>();
        listings.add(fixtures.published(vendor, camry(2019, 950_000, "Alexandria")).value());
        listings.add(fixtures.published(vendor, elantra(2020, 700_000, "Cairo")).value());
        listings.add(fixtures.published(vendor, brakePads(2_500, "Cairo")).value());
        listings.add(fixtures.published(vendor, sunny(2024, 78_000, "Jeddah")).value());
        ListingId unpublished = fixtures.published(vendor, camry(2015, 400_000, "Cairo"));
        fixtures.unpublish(unpublished);
        listings.add(unpublished.value());
        search.awaitListings(result -> result.get("totalItems").asLong() == 4, "vendorId=" + vendor);
        await().atMost(Duration.ofSeconds(10)).until(() -> documents().values().stream()
                .allMatch(document -> document.contains("\"vendorStatus\":\"APPROVED\"")));
    }

    @Test
    void replayingTheLiveProjectionLeavesEveryDocumentAsItWas() throws IOException {
        Map<String, String> before = documents();
        StreamingEventProcessor live = processing.eventProcessor("listing-search", StreamingEventProcessor.class)
                .orElseThrow();

        long head = eventStore.createHeadToken().position().orElseThrow();
        live.shutDown();
        live.resetTokens();
        live.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> live.processingStatus().size() == 2
                && live.processingStatus().values().stream().allMatch(segment -> segment.isCaughtUp()
                && segment.getCurrentPosition().orElse(-1) >= head));

        assertThat(documents()).isEqualTo(before);
        assertThat(SearchFixtures.deadLetters(jdbc)).isEmpty();
    }

    @Test
    void rebuildSwapsTheAliasToANewIndexWhileSearchesKeepAnswering() throws IOException {
        JsonNode before = search.listings("vendorId=" + vendor, "sort=price_asc");
        String admin = api.token("admin-search-rebuild", "ADMIN");

        Reply started = api.post(REBUILD, admin, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String previous = started.json().get("previousIndex").asString();
        String building = started.json().get("buildingIndex").asString();
        assertThat(building).startsWith("listings-").isNotEqualTo(previous);
        assertThat(started.json().get("headPosition").asLong()).isPositive();

        JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(search.listings("vendorId=" + vendor, "sort=price_asc").get("items"))
                    .as("searches answer throughout the rebuild").isEqualTo(before.get("items"));
            return api.get(REBUILD, admin).json();
        }, status -> !status.get("state").asString().equals("BUILDING"));

        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("currentIndex").asString()).isEqualTo(building);
        assertThat(done.get("position").asLong()).isGreaterThanOrEqualTo(done.get("headPosition").asLong());
        assertThat(search.listings("vendorId=" + vendor, "sort=price_asc")).isEqualTo(before);
        assertThat(indexExists(previous)).isFalse();

        String later = fixtures.published(vendor, elantra(2022, 900_000, "Alexandria")).value();
        search.awaitListings(result -> SearchApi.ids(result).contains(later), "vendorId=" + vendor);
        assertThat(SearchFixtures.deadLetters(jdbc)).isEmpty();
    }

    /** The source and version of every document of the test's listings, as stored. */
    private Map<String, String> documents() throws IOException {
        MgetResponse<JsonNode> found = elasticsearch.mget(mget -> mget.index("listings").ids(listings),
                JsonNode.class);
        Map<String, String> documents = new LinkedHashMap<>();
        found.docs().forEach(item -> documents.put(item.result().id(),
                item.result().version() + " " + item.result().source()));
        return documents;
    }

    private boolean indexExists(String index) throws IOException {
        return elasticsearch.indices().exists(exists -> exists.index(index)).value();
    }
}
