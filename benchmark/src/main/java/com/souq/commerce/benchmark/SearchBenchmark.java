package com.souq.commerce.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Catalog search at scale: generated listings are appended to the event store, the search projection indexes them
 * into Elasticsearch (its indexing rate is measured from the first event to the processor reaching the head of the
 * store), then a single client measures a filtered, faceted full-text query and an autocomplete suggestion over HTTP.
 */
final class SearchBenchmark {

    private static final List<String> QUERIES = List.of("toyota", "camry", "تويوتا", "كامري", "تويوتا كامرى",
            "hyundai elantra", "هيونداي النترا", "brake pads", "تيل فرامل", "nissan sunny", "نيسان صني", "oil filter",
            "kia cerato", "فلتر زيت", "civic");
    private static final List<String> PREFIXES = List.of("to", "toy", "cam", "hyu", "تو", "تويو", "كام", "نيس", "bra",
            "فلت", "ki", "ci");
    private static final List<String> SORTS = List.of("relevance", "price_asc", "newest");

    private SearchBenchmark() {
    }

    static void run(Options options) throws Exception {
        int listings = options.number("listings", 100_000);
        int queries = options.number("queries", 2_000);
        try (BenchmarkEngine engine = BenchmarkEngine.start()) {
            CatalogGenerator generator = new CatalogGenerator(engine.bean(EventStore.class));
            generator.vendors(150);
            Instant appendStart = Instant.now();
            long events = generator.listings(listings, 500);
            Duration appended = Duration.between(appendStart, Instant.now());
            long head = engine.head();
            Duration indexing = Duration.between(appendStart, Instant.now())
                    .plus(engine.awaitCaughtUp("listing-search", head, Duration.ofMinutes(30)));

            SplittableRandom random = new SplittableRandom(7);
            Latencies latencies = new Latencies();
            Latencies.Summary search = latencies.measure(200, queries, () -> searchQuery(random), engine.baseUrl());
            Latencies.Summary suggest = latencies.measure(200, queries, () -> "/api/v1/search/suggestions?size=8&q="
                    + encode(PREFIXES.get(random.nextInt(PREFIXES.size()))), engine.baseUrl());

            String report = report(listings, events, appended, indexing, search, suggest);
            System.out.println(report);
            Path results = options.results();
            Files.createDirectories(results);
            Files.writeString(results.resolve("search.md"), report);
        }
    }

    /** A shopper's query: words in English or Arabic, some filters, facets always, first page of 20. */
    private static String searchQuery(SplittableRandom random) {
        StringBuilder query = new StringBuilder("/api/v1/search/listings?size=20&q=")
                .append(encode(QUERIES.get(random.nextInt(QUERIES.size()))))
                .append("&sort=").append(SORTS.get(random.nextInt(SORTS.size())));
        if (random.nextBoolean()) {
            query.append("&category=").append(random.nextBoolean() ? "cars" : "spare-parts");
        }
        if (random.nextInt(3) == 0) {
            int from = 2005 + random.nextInt(15);
            query.append("&yearFrom=").append(from).append("&yearTo=").append(from + 1 + random.nextInt(5));
        }
        if (random.nextInt(3) == 0) {
            CatalogGenerator.Market market = CatalogGenerator.MARKETS.get(random.nextInt(3));
            query.append("&city=").append(encode(market.cities().get(random.nextInt(market.cities().size()))));
        }
        if (random.nextInt(4) == 0) {
            query.append("&currency=EGP&priceFrom=").append(100_000_00).append("&priceTo=").append(1_500_000_00);
        }
        return query.toString();
    }

    private static String report(int listings, long events, Duration appended, Duration indexing,
                                 Latencies.Summary search, Latencies.Summary suggest) {
        double seconds = indexing.toMillis() / 1000.0;
        return """
                # Catalog search benchmark

                Machine: %d cores, %d MiB max heap for the engine JVM, %s %s; PostgreSQL and one Elasticsearch node
                (512 MiB heap) on the same machine. Run: `bin/benchmark search --listings=%d`, %s.

                | what | figure |
                | --- | --- |
                | listings generated (created + published events) | %d (%d events) |
                | append to the event store | %.1f s (%.0f events/s) |
                | indexed into Elasticsearch by the `listing-search` projection, first event to caught up | %.1f s (%.0f listings/s, %.0f events/s) |

                Latency over HTTP from one client, after 200 warm-up requests:

                | request | count | p50 ms | p99 ms | mean ms | max ms |
                | --- | --- | --- | --- | --- | --- |
                %s
                %s

                The search mixes English and Arabic words, category, year range, city and price filters (a quarter of the
                queries), three sorts, and always computes the facets (category, make, model, year, city, vendor,
                condition, price buckets).
                """.formatted(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"), listings, Instant.now(),
                listings, events, appended.toMillis() / 1000.0, events / Math.max(0.001, appended.toMillis() / 1000.0),
                seconds, listings / seconds, events / seconds,
                search.row("faceted full-text search"), suggest.row("suggestion"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
