package com.souq.commerce.benchmark;

import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.JournalEntryPostedEvent;
import com.souq.commerce.ledger.api.JournalReferences;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trial balance as of an instant, replayed from an event store of {@code --events} events (default 1,000,000) of
 * which every {@code --ledger-every}-th (default 10th) is a journal entry of four lines over {@code --vendors} vendors;
 * the rest are other events the replay must skip. The events are written straight into {@code domainevententry}
 * (COPY) with the engine's own serializer and one second apart, with the event processors shut down, so nothing but
 * the replay competes for the machine. Measures, over HTTP, the trial balance as of the end and of the middle of the
 * store (three runs each, the median reported) and checks the replayed totals against those generated.
 */
final class LedgerBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");

    private LedgerBenchmark() {
    }

    static void run(Options options) throws Exception {
        int events = options.number("events", 1_000_000);
        int ledgerEvery = options.number("ledger-every", 10);
        int vendorCount = options.number("vendors", 1_000);
        try (BenchmarkEngine engine = BenchmarkEngine.start(options.engineSettings())) {
            EventProcessingConfiguration processing = engine.bean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            Serializer serializer = engine.bean("eventSerializer", Serializer.class);
            List<VendorId> vendors = new ArrayList<>();
            for (int i = 0; i < vendorCount; i++) {
                vendors.add(VendorId.of(UUID.nameUUIDFromBytes(("bench-vendor-" + i).getBytes()).toString()));
            }
            long started = System.nanoTime();
            long[] gatewayDebits = new long[2];
            write(engine.postgres(), serializer, events, ledgerEvery, vendors, gatewayDebits);
            double writeSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Wrote %,d events (%,d journal entries) in %.1f s%n", events, events / ledgerEvery,
                    writeSeconds);

            double sqlOnly = readOnly(engine.postgres(), ORIGIN.plusSeconds(events));
            String token = token(engine.baseUrl());
            Instant end = ORIGIN.plusSeconds(events);
            Instant middle = ORIGIN.plusSeconds(events / 2);
            Measured atEnd = measure(engine.baseUrl(), token, end);
            Measured atMiddle = measure(engine.baseUrl(), token, middle);
            check(atEnd, gatewayDebits[1]);
            check(atMiddle, gatewayDebits[0]);
            String correlation = "bench-" + (events / ledgerEvery / 2);
            long lookupStart = System.nanoTime();
            JsonNode flow = get(engine.baseUrl(), token, "/api/v1/audit/events?correlationId=" + correlation);
            double lookupMillis = (System.nanoTime() - lookupStart) / 1e6;

            String report = """
                    # Ledger replay benchmark (`bin/benchmark ledger`)

                    Measured %s on this machine (2 cores, shared with other builds). %,d events in `domainevententry`,
                    of which %,d `JournalEntryPostedEvent` (one in %d, four lines each, over %,d vendors); the other
                    events are skipped by the replay through the `(payloadtype, globalindex)` index. Event processors
                    shut down during the measurement. Written by COPY in %.1f s.

                    | trial balance as of | journal entries replayed | accounts | answer time over HTTP (median of 3) | replay time reported | events/s |
                    | --- | ---: | ---: | ---: | ---: | ---: |
                    | the end of the store | %,d | %,d | %.0f ms | %.0f ms | %,.0f |
                    | the middle of the store | %,d | %,d | %.0f ms | %.0f ms | %,.0f |

                    Reading the same rows alone (the replay's query through a cursor, payloads fetched, nothing
                    parsed) takes %.0f ms: the rest of the replay time is parsing the payloads and summing.

                    Both answers balance and their gateway-clearing debits equal the generated ones. Everything one
                    request caused (`GET /api/v1/audit/events?correlationId=…`, through the correlation index): %d
                    events in %.1f ms.
                    """.formatted(Instant.now(), events, events / ledgerEvery, ledgerEvery, vendorCount, writeSeconds,
                    atEnd.entries(), atEnd.accounts(), atEnd.httpMillis(), atEnd.replayMillis(),
                    atEnd.entries() * 1000.0 / atEnd.replayMillis(),
                    atMiddle.entries(), atMiddle.accounts(), atMiddle.httpMillis(), atMiddle.replayMillis(),
                    atMiddle.entries() * 1000.0 / atMiddle.replayMillis(), sqlOnly,
                    flow.get("events").get("totalItems").asLong(), lookupMillis);
            System.out.println(report);
            Files.createDirectories(options.results());
            Files.writeString(options.results().resolve("ledger.md"), report);
        }
    }

    private record Measured(long entries, long accounts, double httpMillis, double replayMillis, JsonNode answer) {
    }

    private static Measured measure(String baseUrl, String token, Instant asOf) throws Exception {
        List<Double> http = new ArrayList<>();
        List<Double> replay = new ArrayList<>();
        JsonNode answer = null;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            answer = get(baseUrl, token, "/api/v1/audit/trial-balance?size=1&asOf=" + asOf);
            http.add((System.nanoTime() - start) / 1e6);
            replay.add(answer.get("replayMillis").asDouble());
        }
        http.sort(Double::compare);
        replay.sort(Double::compare);
        return new Measured(answer.get("replayedEvents").asLong(), answer.get("accounts").get("totalItems").asLong(),
                http.get(1), replay.get(1), answer);
    }

    private static void check(Measured measured, long gatewayDebits) {
        JsonNode total = measured.answer().get("totals").get(0);
        if (!measured.answer().get("balanced").asBoolean()
                || total.get("debits").get("minorUnits").asLong() != gatewayDebits) {
            throw new IllegalStateException("The replayed trial balance is wrong: " + measured.answer());
        }
    }

    /**
     * Journal entries of a captured share (gateway clearing → vendor payable, commission, tax) every
     * {@code ledgerEvery}-th event, other events between; {@code gatewayDebits} gets the sums of gateway-clearing
     * debits up to the middle and up to the end.
     */
    private static void write(PostgresConnection postgres, Serializer serializer, int events, int ledgerEvery,
                              List<VendorId> vendors, long[] gatewayDebits) throws Exception {
        HexFormat hex = HexFormat.of();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password())) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder();
            for (int i = 1; i <= events; i++) {
                Instant at = ORIGIN.plusSeconds(i);
                String aggregate;
                String type;
                String revision;
                byte[] payload;
                String correlation;
                if (i % ledgerEvery == 0) {
                    int entry = i / ledgerEvery;
                    VendorId vendor = vendors.get(entry % vendors.size());
                    long total = 10_000 + (entry % 997) * 100L;
                    long commission = total / 10;
                    long tax = commission * 14 / 100;
                    String operation = "capture:" + UUID.nameUUIDFromBytes(("pay-" + entry).getBytes()) + "/"
                            + UUID.nameUUIDFromBytes(("share-" + entry).getBytes());
                    JournalEntryPostedEvent posted = new JournalEntryPostedEvent(JournalEntryId.forOperation(operation),
                            operation, at, List.of(
                            Posting.debit(LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX), egp(total)),
                            Posting.credit(LedgerAccount.vendorPayable(vendor), egp(total - commission - tax)),
                            Posting.credit(LedgerAccount.platformCommission(), egp(commission)),
                            Posting.credit(LedgerAccount.taxPayable(CountryCode.of("EG")), egp(tax))),
                            "benchmark capture", JournalReferences.none(), Map.of("commission.amount",
                            Long.toString(commission)));
                    aggregate = posted.entryId().value();
                    type = "JournalEntry";
                    revision = "1";
                    payload = serializer.serialize(posted, byte[].class).getData();
                    correlation = "bench-" + entry;
                    if (i <= events / 2) {
                        gatewayDebits[0] += total;
                    }
                    gatewayDebits[1] += total;
                } else {
                    aggregate = UUID.nameUUIDFromBytes(("bench-listing-" + (i % 50_000)).getBytes()).toString();
                    type = "Listing";
                    revision = "1";
                    payload = ("{\"listingId\":\"" + aggregate + "\",\"quantityOnHand\":" + (i % 90)
                            + ",\"note\":\"benchmark filler event of about the size of a stock adjustment\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    correlation = "bench-" + (i / ledgerEvery);
                }
                byte[] metadata = ("{\"correlationId\":\"" + correlation + "\",\"subject\":\"benchmark\","
                        + "\"roles\":[\"ADMIN\"]}").getBytes(StandardCharsets.UTF_8);
                rows.append(aggregate).append('\t').append(i).append('\t').append(type).append('\t')
                        .append(UUID.randomUUID()).append('\t')
                        .append("\\\\x").append(hex.formatHex(metadata)).append('\t')
                        .append("\\\\x").append(hex.formatHex(payload)).append('\t')
                        .append(revision).append('\t')
                        .append(i % ledgerEvery == 0 ? JournalEntryPostedEvent.class.getName()
                                : "com.souq.commerce.benchmark.FillerEvent").append('\t')
                        .append(at).append('\n');
                if (i % 20_000 == 0 || i == events) {
                    copy.copyIn("COPY domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                            + "metadata, payload, payloadrevision, payloadtype, timestamp) FROM STDIN",
                            new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE domainevententry");
            }
        }
    }

    /** The replay's query read through a cursor, payloads fetched but not parsed: the database's share, in ms. */
    private static double readOnly(PostgresConnection postgres, Instant asOf) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password())) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long bytes = 0;
            try (var statement = connection.prepareStatement("SELECT globalindex, payload, payloadrevision "
                    + "FROM domainevententry WHERE payloadtype = ? AND CAST(timestamp AS timestamptz) <= ? "
                    + "ORDER BY globalindex")) {
                statement.setFetchSize(2_000);
                statement.setString(1, JournalEntryPostedEvent.class.getName());
                statement.setObject(2, asOf.atOffset(ZoneOffset.UTC));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        bytes += rows.getBytes(2).length;
                    }
                }
            }
            connection.rollback();
            System.out.printf("SQL alone: %,d payload bytes%n", bytes);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static Money egp(long minor) {
        return Money.of(minor, "EGP");
    }

    private static String token(String baseUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/v1/dev/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"bench-auditor\",\"roles\":[\"AUDITOR\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("accessToken").asString();
    }

    private static JsonNode get(String baseUrl, String token, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
