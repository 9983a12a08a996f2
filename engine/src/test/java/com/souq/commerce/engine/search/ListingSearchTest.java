package com.souq.commerce.engine.search;

import static com.souq.commerce.engine.search.SearchApi.facet;
import static com.souq.commerce.engine.search.SearchApi.ids;
import static com.souq.commerce.engine.search.SearchApi.idsInAnyOrder;
import static com.souq.commerce.engine.search.SearchFixtures.brakePads;
import static com.souq.commerce.engine.search.SearchFixtures.camry;
import static com.souq.commerce.engine.search.SearchFixtures.elantra;
import static com.souq.commerce.engine.search.SearchFixtures.oilFilter;
import static com.souq.commerce.engine.search.SearchFixtures.sunny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The storefront's search over listings fed by real events: texts in both languages, filters, facets, visibility. */
@EngineIntegrationTest
class ListingSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    SearchFixtures fixtures;
    SearchApi search;
    VendorId cairoMotors;
    String vendor;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void noEventWasParked() {
        assertThat(SearchFixtures.deadLetters(jdbc)).isEmpty();
    }

    @BeforeEach
    void setUp() {
        fixtures = new SearchFixtures(eventStore);
        search = new SearchApi(new Api(port));
        cairoMotors = fixtures.approvedVendor("Cairo Motors", "EG", "EGP");
        vendor = "vendorId=" + cairoMotors;
    }

    @Test
    void findsListingsInEnglishAndInEveryArabicSpelling() {
        String camry = fixtures.published(cairoMotors, camry(2019, 950_000, "Cairo")).value();
        String elantra = fixtures.published(cairoMotors, elantra(2020, 700_000, "Cairo")).value();

        search.awaitListings(SearchApi.ids(camry), vendor, "q=camry");
        for (String spelling : List.of("تويوتا كامري", "تويوتا كامرى", "تُويُوتَا كَامْرِي", "TOYOTA camry 2019")) {
            assertThat(ids(search.listings(vendor, "q=" + spelling))).as(spelling).containsExactly(camry);
        }
        assertThat(ids(search.listings(vendor, "q=إلنترا"))).containsExactly(elantra);
        assertThat(ids(search.listings(vendor, "q=النترا كالجديده"))).containsExactly(elantra);
        assertThat(ids(search.listings(vendor, "q=factory paint"))).containsExactly(elantra);
        assertThat(ids(search.listings(vendor, "q=صيانة بالتوكيل"))).containsExactly(camry);
        assertThat(ids(search.listings(vendor, "q=automatic"))).containsExactlyInAnyOrder(camry, elantra);
        assertThat(ids(search.listings(vendor, "q=corolla"))).isEmpty();
    }

    @Test
    void findsPartsByOemNumberHoweverItIsWritten() {
        String pads = fixtures.published(cairoMotors, brakePads(2_500, "Cairo")).value();
        fixtures.published(cairoMotors, oilFilter(4_500));

        search.awaitListings(SearchApi.ids(pads), vendor, "q=04465-33471");
        assertThat(ids(search.listings(vendor, "q=0446533471"))).containsExactly(pads);
        assertThat(ids(search.listings(vendor, "q=04465 33471"))).containsExactly(pads);
        assertThat(ids(search.listings(vendor, "q=تيل فرامل"))).containsExactly(pads);
    }

    @Test
    void filtersByEveryAttributeAndCountsFacets() {
        String camry2019 = fixtures.published(cairoMotors, camry(2019, 950_000, "Cairo")).value();
        String camry2021 = fixtures.published(cairoMotors, camry(2021, 1_300_000, "Alexandria")).value();
        String elantra = fixtures.published(cairoMotors, elantra(2020, 700_000, "Cairo")).value();
        String pads = fixtures.published(cairoMotors, brakePads(2_500, "Cairo")).value();

        JsonNode all = search.awaitListings(idsInAnyOrder(camry2019, camry2021, elantra, pads), vendor);
        assertThat(facet(all, "category")).containsExactly("cars=3", "spare-parts=1");
        assertThat(facet(all, "make")).containsExactly("Toyota=3", "Hyundai=1");
        assertThat(facet(all, "model")).containsExactly("Camry=3", "Elantra=1");
        assertThat(facet(all, "year")).containsExactlyInAnyOrder("2019=1", "2020=1", "2021=1");
        assertThat(facet(all, "city")).containsExactly("Cairo=3", "Alexandria=1");
        assertThat(facet(all, "vendor")).containsExactly(cairoMotors + "=4");
        assertThat(facet(all, "condition")).containsExactly("USED=3", "NEW=1");

        assertThat(ids(search.listings(vendor, "category=cars")))
                .containsExactlyInAnyOrder(camry2019, camry2021, elantra);
        assertThat(ids(search.listings(vendor, "make=toyota")))
                .containsExactlyInAnyOrder(camry2019, camry2021, pads);
        assertThat(ids(search.listings(vendor, "make=Toyota", "model=Camry", "category=cars")))
                .containsExactlyInAnyOrder(camry2019, camry2021);
        assertThat(ids(search.listings(vendor, "yearFrom=2020"))).containsExactlyInAnyOrder(camry2021, elantra);
        assertThat(ids(search.listings(vendor, "yearFrom=2019", "yearTo=2019"))).containsExactly(camry2019);
        assertThat(ids(search.listings(vendor, "city=alexandria"))).containsExactly(camry2021);
        assertThat(ids(search.listings(vendor, "condition=new"))).containsExactly(pads);
        assertThat(ids(search.listings(vendor, "currency=EGP", "priceFrom=70000000", "priceTo=95000000")))
                .containsExactlyInAnyOrder(camry2019, elantra);
        assertThat(ids(search.listings(vendor, "currency=SAR"))).isEmpty();

        JsonNode filtered = search.listings(vendor, "make=Toyota");
        assertThat(facet(filtered, "make")).containsExactly("Toyota=3");
        assertThat(facet(filtered, "city")).containsExactly("Cairo=2", "Alexandria=1");
    }

    @Test
    void countsPricesInRangesOfOneCurrency() {
        fixtures.published(cairoMotors, camry(2019, 950_000, "Cairo"));
        fixtures.published(cairoMotors, camry(2021, 1_300_000, "Alexandria"));
        fixtures.published(cairoMotors, elantra(2020, 700_000, "Cairo"));
        fixtures.published(cairoMotors, brakePads(2_500, "Cairo"));
        String sunny = fixtures.published(cairoMotors, sunny(2024, 78_000, "Riyadh")).value();

        JsonNode all = search.awaitListings(result -> result.get("totalItems").asLong() == 5, vendor);
        assertThat(prices(all)).containsExactly(
                "EGP 100000-500000=1", "EGP 50000000-100000000=2", "EGP 100000000-500000000=1");

        JsonNode riyals = search.listings(vendor, "currency=SAR");
        assertThat(ids(riyals)).containsExactly(sunny);
        assertThat(prices(riyals)).containsExactly("SAR 5000000-10000000=1");
    }

    @Test
    void sortsByPriceAndNewnessAndPagesWithCurrentPricesAndStock() {
        String camry = fixtures.published(cairoMotors, camry(2019, 950_000, "Cairo")).value();
        String elantra = fixtures.published(cairoMotors, elantra(2020, 700_000, "Cairo")).value();
        String pads = fixtures.published(cairoMotors, brakePads(2_500, "Cairo")).value();
        ListingId laterCamry = fixtures.draft(cairoMotors, camry(2021, 1_300_000, "Alexandria"));
        fixtures.publish(laterCamry);

        search.awaitListings(result -> result.get("totalItems").asLong() == 4, vendor);
        assertThat(ids(search.listings(vendor, "sort=price_asc")))
                .containsExactly(pads, elantra, camry, laterCamry.value());
        assertThat(ids(search.listings(vendor, "sort=price_desc")))
                .containsExactly(laterCamry.value(), camry, elantra, pads);
        assertThat(ids(search.listings(vendor, "sort=newest")))
                .containsExactly(laterCamry.value(), pads, elantra, camry);

        fixtures.reserve(ListingId.of(pads), Money.of(250_000, "EGP"), 2);
        fixtures.reprice(laterCamry, Money.of(130_000_000, "EGP"), Money.of(100_000, "EGP"));
        search.awaitListings(SearchApi.ids(laterCamry.value(), pads, elantra, camry), vendor, "sort=price_asc");
        search.awaitListings(result -> result.get("items").get(0).get("stock").asInt() == 2,
                vendor, "q=04465-33471");

        JsonNode first = search.listings(vendor, "sort=price_asc", "size=3", "page=0");
        JsonNode second = search.listings(vendor, "sort=price_asc", "size=3", "page=1");
        assertThat(first.get("totalItems").asLong()).isEqualTo(4);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(ids(first)).containsExactly(laterCamry.value(), pads, elantra);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(ids(second)).containsExactly(camry);
        JsonNode item = first.get("items").get(1);
        assertThat(item.get("price").get("minorUnits").asLong()).isEqualTo(250_000);
        assertThat(item.get("price").get("currency").asString()).isEqualTo("EGP");
        assertThat(item.get("title").get("ar").asString()).isEqualTo("تيل فرامل أمامي تويوتا كامري");
        assertThat(item.get("oemNumbers").get(0).asString()).isEqualTo("04465-33471");
    }

    @Test
    void suggestsCompletionsInEnglishAndArabic() {
        String camry = fixtures.published(cairoMotors, camry(2019, 950_000, "Cairo")).value();
        search.awaitListings(SearchApi.ids(camry), vendor);

        assertThat(suggestions("toy")).anyMatch(text -> text.startsWith("toyota"));
        assertThat(suggestions("Cam")).anyMatch(text -> text.startsWith("camry"));
        assertThat(suggestions("تويو")).anyMatch(text -> text.startsWith("تويوتا كامري"));
        assertThat(suggestions("كامرى")).anyMatch(text -> text.startsWith("كامري"));
        assertThat(suggestions("zzqx")).isEmpty();
    }

    @Test
    void similarListingsShareTextsCategoryAndMakeButNeverTheListingItself() {
        String camry = fixtures.published(cairoMotors, camry(2019, 950_000, "Cairo")).value();
        String otherCamry = fixtures.published(cairoMotors, camry(2021, 1_300_000, "Alexandria")).value();
        String sunny = fixtures.published(cairoMotors, sunny(2024, 78_000, "Jeddah")).value();
        search.awaitListings(result -> result.get("totalItems").asLong() == 3, vendor);

        Reply similar = search.get("/api/v1/search/listings/" + camry + "/similar", "size=50");
        assertThat(similar.status()).as(similar.toString()).isEqualTo(200);
        List<String> alike = ids(similar.json());
        assertThat(alike).contains(otherCamry).doesNotContain(camry);
        assertThat(alike.indexOf(otherCamry)).isLessThan(alike.contains(sunny) ? alike.indexOf(sunny) : 50);

        Reply unknown = search.get("/api/v1/search/listings/" + ListingId.random() + "/similar");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(search.get("/api/v1/search/listings/not-an-id/similar").status()).isEqualTo(400);
    }

    @Test
    void onlyPublishedListingsOfAnApprovedVendorAreFound() {
        ListingId draft = fixtures.draft(cairoMotors, camry(2019, 950_000, "Cairo"));
        String sold = fixtures.published(cairoMotors, elantra(2020, 700_000, "Cairo")).value();
        String deleted = fixtures.published(cairoMotors, brakePads(2_500, "Cairo")).value();
        search.awaitListings(idsInAnyOrder(sold, deleted), vendor);

        fixtures.publish(draft);
        search.awaitListings(idsInAnyOrder(draft.value(), sold, deleted), vendor);
        fixtures.unpublish(draft);
        fixtures.sell(ListingId.of(sold));
        fixtures.delete(ListingId.of(deleted));
        search.awaitListings(result -> result.get("totalItems").asLong() == 0, vendor);
        fixtures.publish(draft);
        search.awaitListings(SearchApi.ids(draft.value()), vendor);

        fixtures.suspend(cairoMotors);
        search.awaitListings(result -> result.get("totalItems").asLong() == 0, vendor);
        assertThat(search.get("/api/v1/search/listings/" + draft + "/similar").status()).isEqualTo(404);
        fixtures.reinstate(cairoMotors);
        search.awaitListings(SearchApi.ids(draft.value()), vendor);
    }

    @Test
    void listingsOfAVendorApprovedLaterAppearWhenItIsApproved() {
        VendorId newcomer = fixtures.approvedVendor("Riyadh Autos", "SA", "SAR");
        fixtures.suspend(newcomer);
        String sunny = fixtures.published(newcomer, sunny(2024, 78_000, "Riyadh")).value();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() ->
                search.listings("vendorId=" + newcomer).get("totalItems").asLong() == 0);
        fixtures.reinstate(newcomer);
        search.awaitListings(SearchApi.ids(sunny), "vendorId=" + newcomer);
    }

    @Test
    void shopSearchAnswersOnlyTheVendorsListings() {
        VendorId jeddahParts = fixtures.approvedVendor("Jeddah Parts", "SA", "SAR");
        String ours = fixtures.published(cairoMotors, brakePads(2_500, "Cairo")).value();
        String theirs = fixtures.published(jeddahParts, brakePads(2_400, "Jeddah")).value();
        search.awaitListings(SearchApi.ids(theirs), "vendorId=" + jeddahParts);
        search.awaitListings(SearchApi.ids(ours), vendor);

        Reply shop = search.get("/api/v1/search/vendors/" + jeddahParts + "/listings", "q=brake pads");
        assertThat(shop.status()).as(shop.toString()).isEqualTo(200);
        assertThat(ids(shop.json())).containsExactly(theirs);
        assertThat(facet(shop.json(), "vendor")).containsExactly(jeddahParts + "=1");
        assertThat(facet(shop.json(), "city")).containsExactly("Jeddah=1");
    }

    private List<String> suggestions(String prefix) {
        Reply reply = search.get("/api/v1/search/suggestions", "q=" + prefix, "size=20");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        reply.json().get("suggestions").forEach(suggestion -> texts.add(suggestion.get("text").asString()));
        return texts;
    }

    private static List<String> prices(JsonNode result) {
        List<String> buckets = new ArrayList<>();
        result.get("facets").get("price").forEach(bucket -> buckets.add(bucket.get("currency").asString() + " "
                + bucket.get("from").asLong() + "-" + bucket.get("to").asLong() + "=" + bucket.get("count").asLong()));
        return buckets;
    }
}
