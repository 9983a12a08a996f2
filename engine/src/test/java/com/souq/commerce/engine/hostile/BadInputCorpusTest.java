package com.souq.commerce.engine.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.hostile.Attempt.Verdict;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Vendors;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.platform.privacy.PersonalDataVault;
import com.souq.commerce.vendor.api.VendorId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of the engine, read from its OpenAPI document, receives a corpus of malformed, oversized,
 * wrong-typed and hostile requests (see {@link Corpus} and {@link HostileValues}), with valid tokens of the roles it
 * admits. Every answer is a 4xx {@code application/problem+json} and writes nothing, or, where the spoiled request is
 * still valid (hostile but harmless text), a 2xx that stores the text verbatim and answers JSON (CSV from an export
 * ending in {@code /csv}). Nothing the corpus sends may break a projection: no dead letter, no processor in error,
 * every processor caught up afterwards.
 */
@EngineIntegrationTest
class BadInputCorpusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SANE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String CUSTOMER = "corpus-customer";
    /** Concurrent clients: each sends one endpoint's attempts in order. */
    private static final int CLIENTS = 4;

    /** Valid bodies by request schema; {@code ${vendorId}} and {@code ${listingId}} name the endpoint's fixtures. */
    static final Map<String, String> VALID_BODIES = Map.ofEntries(
            Map.entry("Draft", """
                    {"category":"spare-parts","title":{"en":"Brake pads","ar":"تيل فرامل"},
                     "description":{"en":"Ceramic, front axle"},
                     "attributes":{"make":"Toyota","model":"Corolla","year":2015,"mileageKm":1000,"condition":"NEW",
                                   "oemNumbers":["04465-02220"],"city":"Cairo","extra":{"side":"front"}},
                     "price":{"minorUnits":35000,"currency":"EGP"},"stock":5}"""),
            Map.entry("Edit", """
                    {"category":"spare-parts","title":{"en":"Brake pads","ar":"تيل فرامل"},
                     "description":{"en":"Ceramic, front axle"},
                     "attributes":{"make":"Toyota","model":"Corolla","year":2015,"mileageKm":1000,"condition":"NEW",
                                   "oemNumbers":["04465-02220"],"city":"Cairo","extra":{"side":"front"}}}"""),
            Map.entry("Price", """
                    {"minorUnits":36000,"currency":"EGP"}"""),
            Map.entry("Stock", """
                    {"quantityOnHand":7}"""),
            Map.entry("Quantity", """
                    {"quantity":2}"""),
            Map.entry("NewLine", """
                    {"listingId":"${listingId}","quantity":1}"""),
            Map.entry("Application", """
                    {"displayName":"Corpus Parts","legalName":"Corpus Parts LLC","country":"EG","currency":"EGP",
                     "contactEmail":"sales@corpus.example"}"""),
            Map.entry("KycDocument", """
                    {"documentType":"PASSPORT","reference":"p-1234"}"""),
            Map.entry("Reason", """
                    {"reason":"Corpus reason"}"""),
            Map.entry("CommissionPlanRequest", """
                    {"defaultRate":1000,"categoryRates":{"cars":500}}"""),
            Map.entry("ShippingPolicyRequest", """
                    {"flatFee":{"minorUnits":5000,"currency":"EGP"},"freeFrom":{"minorUnits":100000,"currency":"EGP"}}"""),
            Map.entry("Shipment", """
                    {"carrier":"Aramex","trackingReference":"AR-1234"}"""),
            Map.entry("Action", """
                    {"outcome":"decline"}"""),
            Map.entry("RefundRequest", """
                    {"amount":{"minorUnits":100,"currency":"EGP"},"destination":"CUSTOMER_WALLET","restock":false,
                     "reason":"Corpus refund"}"""),
            Map.entry("TopUpRequest", """
                    {"amount":{"minorUnits":100,"currency":"EGP"},
                     "payment":{"provider":"SANDBOX","method":"approve"}}"""),
            Map.entry("PayoutRequest", """
                    {"amount":{"minorUnits":100,"currency":"EGP"},"method":"sandbox-succeed"}"""),
            Map.entry("Decision", """
                    {"reason":"Corpus decision"}"""),
            Map.entry("TokenRequest", """
                    {"subject":"corpus-token","roles":["CUSTOMER"],"vendorId":"${vendorId}"}"""),
            Map.entry("Checkout", """
                    {"address":{"recipient":"Corpus Shopper","phone":"+201001234567","line1":"1 Tahrir Sq",
                                "line2":"Floor 2","city":"Cairo","postalCode":"11511","country":"EG"},
                     "payment":{"provider":"SANDBOX","method":"approve"}}"""),
            // No "Registration": only the first registration of an email writes (later ones mail its owner), so with
            // one fixed body the first attempt to arrive writes, whichever verdict it carries; AccountFlowTest covers it.
            Map.entry("SignIn", """
                    {"email":"corpus@mail.example","password":"Violet-Harbour-93-Kettle"}"""),
            Map.entry("MailedToken", """
                    {"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"""),
            Map.entry("RefreshToken", """
                    {"refreshToken":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"""),
            Map.entry("ResetRequest", """
                    {"email":"corpus@mail.example"}"""),
            Map.entry("NewPassword", """
                    {"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","newPassword":"Copper*Lantern*Meadow*41"}"""),
            Map.entry("Profile", """
                    {"displayName":"Corpus Shopper","phone":"+201001234567","language":"ar"}"""),
            Map.entry("Addresses", """
                    {"addresses":[{"label":"home","recipient":"Corpus Shopper","phone":"+201001234567",
                                   "line1":"1 Tahrir Sq","city":"Cairo","postalCode":"11511","country":"EG"}]}"""),
            Map.entry("ErasureConfirmation", """
                    {"password":"Violet-Harbour-93-Kettle"}"""),
            Map.entry("PasswordChange", """
                    {"currentPassword":"Violet-Harbour-93-Kettle","newPassword":"Copper*Lantern*Meadow*41"}"""),
            Map.entry("StaffMember", """
                    {"email":"staff@corpus.example","displayName":"Corpus Staff","role":"SUPPORT","language":"en"}"""),
            Map.entry("VendorStaffMember", """
                    {"email":"vendor-staff@corpus.example","displayName":"Corpus Seller","language":"ar"}"""),
            Map.entry("POST /api/v1/payments/webhooks/stripe", """
                    {"id":"evt_corpus","object":"event","type":"payment_intent.succeeded","data":{"object":{}}}"""));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataVault personalData;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    private Api api;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<Endpoint, Fixture> fixtures = new ConcurrentHashMap<>();

    /** A vendor with a published listing: each endpoint acting on a vendor or listing gets its own. */
    private record Fixture(String vendorId, String listingId) {
    }

    private record Answer(Attempt attempt, int status, String contentType, String correlationId, String body,
                          HttpHeaders headers) {
    }

    @Test
    void everyEndpointAnswersHostileInputWithAProblemAndWritesNothing() throws Exception {
        long started = System.nanoTime();
        api = new Api(port);
        JsonNode document = JSON.readTree(api.get("/v3/api-docs", null).raw().body());
        List<Endpoint> endpoints = ApiSurface.read(document, mappings);
        long startHead = jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry").query(Long.class)
                .single();
        long deadLettersBefore = deadLetters();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Answer> answers = new ArrayList<>();
        List<String> synthesized = new ArrayList<>();
        try {
            Fixture shared = fixture("Corpus Orders");
            String orderId = order(shared);
            Map<Endpoint, Future<Fixture>> pending = new LinkedHashMap<>();
            for (Endpoint endpoint : endpoints) {
                boolean own = endpoint.pathVariables().stream()
                        .anyMatch(variable -> variable.equals("vendorId") || variable.equals("listingId"));
                pending.put(endpoint, own ? clients.submit(() -> fixture("Corpus " + endpoint.method() + " "
                        + endpoint.path())) : CompletableFuture.completedFuture(shared));
            }
            Set<String> paths = new HashSet<>();
            List<Future<List<Answer>>> sent = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                Fixture fixture = pending.get(endpoint).get();
                fixtures.put(endpoint, fixture);
                Map<String, String> ids = ids(endpoint, fixture, orderId, shared);
                JsonNode body = endpoint.hasBody() ? validBody(endpoint, ids, synthesized) : null;
                List<Attempt> attempts = Corpus.against(endpoint, new Corpus.Baseline(ids, body),
                        paths.add(endpoint.path()));
                sent.add(clients.submit(() -> sendAll(attempts, fixture)));
            }
            for (Future<List<Answer>> endpointAnswers : sent) {
                answers.addAll(endpointAnswers.get());
            }
        } finally {
            clients.shutdownNow();
        }
        List<String> failures = new ArrayList<>();
        answers.forEach(answer -> check(answer, failures));
        checkNothingWritten(answers, startHead, failures);
        awaitProcessorsCaughtUp(failures);
        checkStoredVerbatim(answers, startHead, failures);
        long deadLettersAfter = deadLetters();
        if (deadLettersAfter != deadLettersBefore) {
            failures.add("The corpus left " + (deadLettersAfter - deadLettersBefore) + " dead letters: "
                    + jdbc.sql("SELECT processinggroup || ': ' || coalesce(causemessage, '') FROM deadletterentry")
                    .query(String.class).list());
        }

        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
        long accepted = answers.stream().filter(answer -> answer.status() / 100 == 2).count();
        System.out.printf("Bad-input corpus: %d hostile requests to %d endpoints (%d of them described by the OpenAPI "
                        + "document) in %.1f s: %d refused with problem+json, %d accepted as valid (stored "
                        + "verbatim or changing nothing); answers by status %s; %d broke the rules%n",
                answers.size(), endpoints.size(), endpoints.stream().filter(Endpoint::described).count(),
                (System.nanoTime() - started) / 1e9, answers.size() - accepted, accepted, statuses, failures.size());
        if (!synthesized.isEmpty()) {
            System.out.println("Bad-input corpus: no valid example body for " + synthesized
                    + "; the corpus synthesized one from the schema (add one to VALID_BODIES)");
        }
        assertThat(failures).as(failures.size() + " answers broke the rules:\n"
                + String.join("\n", failures.subList(0, Math.min(200, failures.size())))).isEmpty();
    }

    /** One endpoint's attempts, one after the other: they act on the same fixture. */
    private List<Answer> sendAll(List<Attempt> attempts, Fixture fixture) throws InterruptedException {
        List<Answer> answers = new ArrayList<>();
        for (Attempt attempt : attempts) {
            answers.add(send(attempt, fixture));
        }
        return answers;
    }

    /** Status class, content type, problem body and correlation id of one answer. */
    private void check(Answer answer, List<String> failures) {
        Attempt attempt = answer.attempt();
        String excerpt = answer.body().length() > 300 ? answer.body().substring(0, 300) + "…" : answer.body();
        String where = attempt + " → " + answer.status() + " " + answer.contentType() + " " + excerpt;
        if (answer.status() >= 500) {
            failures.add("server error: " + where);
            return;
        }
        if (answer.status() < 200 || (answer.status() >= 300 && answer.status() < 400)) {
            failures.add("unexpected status: " + where);
            return;
        }
        if (answer.correlationId() == null || !SANE_CORRELATION_ID.matcher(answer.correlationId()).matches()) {
            failures.add("no sane X-Correlation-Id (" + answer.correlationId() + "): " + where);
        }
        attempt.headers().stream().filter(header -> header.getKey().equalsIgnoreCase("X-Correlation-Id"))
                .filter(header -> header.getValue().equals(answer.correlationId()))
                .forEach(header -> failures.add("echoed a hostile X-Correlation-Id: " + where));
        if (answer.status() / 100 == 2) {
            if (attempt.verdict() == Verdict.REFUSED) {
                failures.add("accepted invalid input: " + where);
            }
            if (!answer.body().isEmpty() && (answer.contentType() == null
                    || !answer.contentType().startsWith("application/json")
                    && !(answer.contentType().startsWith("text/csv") && attempt.endpoint().path().endsWith("/csv")))) {
                failures.add("2xx that is not JSON (nor CSV from a /csv export): " + where);
            }
            if (!"nosniff".equals(answer.headers().firstValue("X-Content-Type-Options").orElse(null))) {
                failures.add("2xx without X-Content-Type-Options: nosniff: " + where);
            }
            return;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            failures.add("4xx that is not problem+json: " + where);
            return;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem.path("status").asInt() != answer.status() || !problem.path("code").isString()
                    || !problem.path("type").asString("").startsWith("urn:problem-type:souq:")) {
                failures.add("problem without status, type or code: " + where);
            }
        } catch (RuntimeException unreadable) {
            failures.add("problem+json that is not JSON: " + where);
        }
    }

    /**
     * No answer but an accepted valid command wrote anything: no event carries the correlation id of a refused or
     * harmless request, and no Idempotency-Key they sent completed. Read once for the whole corpus, after it ran, so
     * anything those requests started in the background is caught too.
     */
    private void checkNothingWritten(List<Answer> answers, long startHead, List<String> failures) {
        Map<String, Answer> silent = new LinkedHashMap<>();
        Map<String, Answer> keys = new LinkedHashMap<>();
        for (Answer answer : answers) {
            boolean mayWrite = answer.status() / 100 == 2 && answer.attempt().verdict() == Verdict.ACCEPTABLE;
            if (mayWrite || answer.correlationId() == null) {
                continue;
            }
            silent.put(answer.correlationId(), answer);
            answer.attempt().headers().stream().filter(header -> header.getKey().equals("Idempotency-Key"))
                    .forEach(header -> keys.put(header.getValue(), answer));
        }
        for (List<String> chunk : chunks(List.copyOf(silent.keySet()))) {
            jdbc.sql("""
                            SELECT metadata->>'correlationId' AS id, event_type FROM event_journal
                             WHERE global_index > :start AND metadata->>'correlationId' IN (:ids)""")
                    .param("start", startHead).param("ids", chunk)
                    .query((row, index) -> failures.add("wrote " + row.getString("event_type") + ": "
                            + silent.get(row.getString("id")).attempt() + " → " + silent.get(row.getString("id"))
                            .status()))
                    .list();
        }
        for (List<String> chunk : chunks(List.copyOf(keys.keySet()))) {
            jdbc.sql("SELECT idempotency_key FROM idempotency_key WHERE state = 'COMPLETED' AND idempotency_key IN (:keys)")
                    .param("keys", chunk).query(String.class).list()
                    .forEach(key -> failures.add("completed its Idempotency-Key: " + keys.get(key).attempt()));
        }
    }

    /** What an accepted hostile text became: the same text in the events, and in the read model behind Location. */
    private void checkStoredVerbatim(List<Answer> answers, long startHead, List<String> failures) {
        for (Answer answer : answers) {
            String text = answer.attempt().stored();
            if (answer.status() / 100 != 2 || text == null) {
                continue;
            }
            // personal texts are sealed in the store: compared as every reader of the events sees them
            List<JsonNode> payloads = jdbc.sql("""
                            SELECT event_type, payload::text FROM event_journal
                             WHERE global_index > :start AND metadata->>'correlationId' = :id""")
                    .param("start", startHead).param("id", answer.correlationId())
                    .query((row, index) -> {
                        JsonNode payload = JSON.readTree(row.getString(2));
                        personalData.revealIn(row.getString(1), payload);
                        return payload;
                    }).list();
            if (!payloads.isEmpty() && payloads.stream().noneMatch(payload -> holds(payload, text))) {
                failures.add("not stored verbatim: " + answer.attempt() + " → " + payloads);
            }
            String location = answer.headers().firstValue("Location").orElse(null);
            if (location != null && (location.startsWith("/api/v1/listings/") || location.startsWith("/api/v1/vendors/")
                    || location.startsWith("/api/v1/orders/"))) {
                Api.Reply read = api.send("GET", location, token(answer.attempt(),
                        fixtures.get(answer.attempt().endpoint())), null, Map.of());
                if (read.status() != 200 || !read.contentType().startsWith("application/json")
                        || !holds(read.json(), text)) {
                    failures.add("not read back verbatim: " + answer.attempt() + " → GET " + location + " " + read);
                }
            }
        }
    }

    private static boolean holds(JsonNode node, String text) {
        if (node.isString()) {
            return node.asString().equals(text);
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (property.getKey().equals(text) || holds(property.getValue(), text)) {
                return true;
            }
        }
        for (JsonNode element : node.isArray() ? node.values() : List.<JsonNode>of()) {
            if (holds(element, text)) {
                return true;
            }
        }
        return false;
    }

    private void awaitProcessorsCaughtUp(List<String> failures) {
        long head = eventStore.createHeadToken().position().orElse(0);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .allMatch(processor -> !processor.processingStatus().isEmpty()
                            && processor.processingStatus().values().stream().allMatch(status -> !status.isErrorState()
                            && status.getCurrentPosition().orElse(-1) >= head)));
        } catch (RuntimeException late) {
            failures.add("processors did not catch up with " + head + ": " + processing.eventProcessors().values()
                    .stream().filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .map(processor -> processor.getName() + processor.processingStatus().values().stream()
                            .map(status -> status.getCurrentPosition() + (status.isErrorState()
                                    ? " " + status.getError() : ""))
                            .toList())
                    .collect(Collectors.joining(", ")));
        }
    }

    private Answer send(Attempt attempt, Fixture fixture) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + attempt.target()))
                .timeout(Duration.ofSeconds(30))
                .method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        String token = token(attempt, fixture);
        String valid = token(attempt.endpoint().access().roles().getFirst(), fixture);
        for (Map.Entry<String, String> header : attempt.headers()) {
            request.header(header.getKey(), header.getValue()
                    .replace("$TOKEN_FORGED", valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJl")
                    .replace("$TOKEN", valid));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = sendOnce(request.build(), attempt);
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            String body;
            try (InputStream stream = response.body()) {
                // A stream of server-sent events stays open: its headers are the answer, its events are not read.
                body = contentType != null && contentType.startsWith(MediaType.TEXT_EVENT_STREAM_VALUE) ? ""
                        : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(attempt, response.statusCode(), contentType,
                    response.headers().firstValue("X-Correlation-Id").orElse(null), body, response.headers());
        } catch (IOException failed) {
            throw new IllegalStateException("The engine dropped the connection of " + attempt, failed);
        }
    }

    /**
     * Sends the request. Tomcat refuses a request line or header beyond its limit with a 400 and closes the connection
     * without reading the body: on a loaded machine the client's unsent body then meets a reset that can discard the
     * answer before it is read. Such a request is sent once more; a second drop still fails the corpus.
     */
    private static HttpResponse<InputStream> sendOnce(HttpRequest request, Attempt attempt)
            throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException dropped) {
            if (!attempt.what().contains("beyond the header limit")) {
                throw dropped;
            }
            return HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
    }

    private String token(Attempt attempt, Fixture fixture) {
        return switch (attempt.caller()) {
            case Attempt.ANONYMOUS, Attempt.AS_GIVEN -> null;
            default -> token(attempt.caller(), fixture);
        };
    }

    /** A token of the role, vendor staff acting for the fixture's vendor; minted once, from any client thread. */
    private String token(String role, Fixture fixture) {
        String subject = switch (role) {
            case "CUSTOMER" -> CUSTOMER;
            case "VENDOR" -> "corpus-vendor-" + fixture.vendorId();
            default -> "corpus-" + role.toLowerCase(Locale.ROOT);
        };
        return tokens.computeIfAbsent(subject, key -> role.equals("VENDOR")
                ? new Api(port).token(subject, List.of(role), fixture.vendorId())
                : new Api(port).token(subject, role));
    }

    private Map<String, String> ids(Endpoint endpoint, Fixture fixture, String orderId, Fixture shared) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("vendorId", fixture.vendorId());
        ids.put("listingId", fixture.listingId());
        ids.put("orderId", orderId);
        ids.put("paymentId", PaymentId.forOrder(OrderId.of(orderId)).value());
        ids.put("vendorOrderId", VendorOrderId.of(OrderId.of(orderId), VendorId.of(shared.vendorId())).value());
        for (String variable : endpoint.pathVariables()) {
            ids.putIfAbsent(variable, UUID.randomUUID().toString());
        }
        return ids;
    }

    private JsonNode validBody(Endpoint endpoint, Map<String, String> ids, List<String> synthesized) {
        String example = VALID_BODIES.get(endpoint.bodyName() != null ? endpoint.bodyName() : endpoint.toString());
        if (example == null) {
            synthesized.add(endpoint.toString());
            return endpoint.body() == null ? JSON.createObjectNode() : synthesize(endpoint.body());
        }
        for (Map.Entry<String, String> id : ids.entrySet()) {
            example = example.replace("${" + id.getKey() + "}", id.getValue());
        }
        return JSON.readTree(example);
    }

    /** A plausible value for a schema no example covers: required and optional properties with simple values. */
    private static JsonNode synthesize(Schema schema) {
        return switch (schema.kind()) {
            case TEXT -> JSON.getNodeFactory().stringNode("corpus");
            case INTEGER, NUMBER -> JSON.getNodeFactory().numberNode(Math.max(1, schema.minimum().orElse(1)));
            case BOOLEAN -> JSON.getNodeFactory().booleanNode(false);
            case ENUM -> JSON.getNodeFactory().stringNode(schema.enumValues().getFirst());
            case CURRENCY -> JSON.getNodeFactory().stringNode("EGP");
            case ARRAY -> JSON.createArrayNode().add(synthesize(schema.items()));
            case MAP, ANY -> JSON.createObjectNode();
            case OBJECT -> {
                var object = JSON.createObjectNode();
                schema.properties().forEach((name, property) -> object.set(name, synthesize(property)));
                yield object;
            }
        };
    }

    /** Over HTTP as a vendor would get there; called from client threads, so with an {@link Api} of its own. */
    private Fixture fixture(String name) {
        Api own = new Api(port);
        Vendors vendors = new Vendors(own);
        String vendorId = vendors.approved(name.length() > 100 ? name.substring(0, 100) : name, "EG", "EGP");
        Api.Reply drafted = own.post("/api/v1/vendors/" + vendorId + "/listings", vendors.staffOf(vendorId),
                Map.of("category", "spare-parts", "title", Map.of("en", "Corpus brake pads"),
                        "price", Map.of("minorUnits", 35_000, "currency", "EGP"), "stock", 1_000),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String listingId = drafted.json().get("listingId").asString();
        Api.Reply published = own.post("/api/v1/listings/" + listingId + "/publication", vendors.staffOf(vendorId),
                null);
        assertThat(published.status()).as(published.toString()).isEqualTo(202);
        return new Fixture(vendorId, listingId);
    }

    /** An order waiting for the shopper's extra step at the sandbox, so its payment accepts a sandbox action. */
    private String order(Fixture fixture) {
        String customer = token("CUSTOMER", fixture);
        Api.Reply added = api.post("/api/v1/cart/lines", customer,
                Map.of("listingId", fixture.listingId(), "quantity", 1));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
        Api.Reply placed = api.post("/api/v1/cart/checkout", customer, JSON.readTree(VALID_BODIES.get("Checkout")
                        .replace("approve", "requires-action")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().get("orderId").asString();
    }

    private long deadLetters() {
        return jdbc.sql("SELECT count(*) FROM deadletterentry").query(Long.class).single();
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += 1_000) {
            chunks.add(values.subList(i, Math.min(values.size(), i + 1_000)));
        }
        return chunks;
    }
}
