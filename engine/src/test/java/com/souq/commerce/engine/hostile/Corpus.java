package com.souq.commerce.engine.hostile;

import static com.souq.commerce.engine.hostile.Attempt.Verdict.ACCEPTABLE;
import static com.souq.commerce.engine.hostile.Attempt.Verdict.HARMLESS;
import static com.souq.commerce.engine.hostile.Attempt.Verdict.REFUSED;

import com.souq.commerce.engine.hostile.Attempt.Verdict;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile requests for one endpoint, each a valid request spoiled in exactly one place: a path id, a query
 * parameter, a header, the token, the content type, the body as a whole, or one field of the body (every field the
 * OpenAPI schema names, recursively). Whether the spoiled request is still valid is decided from what the schema
 * states (required, pattern, lengths, bounds, enum values) and from rules that hold for the whole API (ids are UUIDs,
 * no quantity or amount is negative, no field holds 100,000 characters or a NUL).
 */
final class Corpus {

    /** Query parameters of endpoints that take any parameter as a map (the search): the document cannot name them. */
    static final Map<String, List<String>> FREE_QUERY_PARAMETERS = Map.of(
            "/api/v1/search/listings", List.of("q", "category", "make", "model", "yearFrom", "yearTo", "priceFrom",
                    "priceTo", "currency", "city", "vendorId", "condition", "sort", "page", "size"),
            "/api/v1/search/vendors/{vendorId}/listings", List.of("q", "category", "make", "model", "yearFrom",
                    "yearTo", "priceFrom", "priceTo", "currency", "city", "condition", "sort", "page", "size"),
            "/api/v1/search/suggestions", List.of("q", "size"),
            "/api/v1/search/listings/{listingId}/similar", List.of("size"));
    /** Parameters an endpoint needs to be valid at all, which the corpus keeps while it spoils another one. */
    private static final Map<String, String> REQUIRED_QUERY = Map.of("/api/v1/search/suggestions", "q=brake");
    private static final List<String> NUMERIC_PARAMETERS =
            List.of("yearFrom", "yearTo", "priceFrom", "priceTo", "page", "size");
    private static final List<String> CHOICE_PARAMETERS = List.of("category", "condition", "sort", "currency");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "@@corpus-value@@";
    private static final String KEY_MARK = "@@corpus-key@@";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A valid request to start from: an id for every path variable, and a valid body when the endpoint takes one. */
    record Baseline(Map<String, String> ids, JsonNode body) {
    }

    private final Endpoint endpoint;
    private final Baseline baseline;
    private final List<Attempt> attempts = new ArrayList<>();
    /** Text fields and map keys of the body: each gets a share of {@link HostileValues#TEXTS}, all of them together. */
    private int textSlots;
    private int nextTextSlot;
    private boolean counting;

    private Corpus(Endpoint endpoint, Baseline baseline) {
        this.endpoint = endpoint;
        this.baseline = baseline;
    }

    /**
     * Every attempt against {@code endpoint}, the callers rotating through the roles it admits.
     *
     * @param firstOfPath whether to also try what is the same for every method of the path: methods it does not
     *                    serve, and ids refused before routing
     */
    static List<Attempt> against(Endpoint endpoint, Baseline baseline, boolean firstOfPath) {
        Corpus corpus = new Corpus(endpoint, baseline);
        corpus.pathIds(firstOfPath);
        corpus.queries();
        corpus.headers();
        corpus.tokens();
        if (firstOfPath) {
            corpus.methods();
        }
        if (endpoint.hasBody()) {
            corpus.bodies();
            if (endpoint.body() != null && baseline.body() != null) {
                corpus.counting = true;
                corpus.field(endpoint.body(), List.of(), baseline.body(), true, "body", true);
                corpus.counting = false;
                corpus.field(endpoint.body(), List.of(), baseline.body(), true, "body", true);
            }
        }
        return corpus.withCallers();
    }

    private boolean command() {
        return !endpoint.isQuery();
    }

    private Verdict acceptable() {
        return command() ? ACCEPTABLE : HARMLESS;
    }

    /** Ids that are not ids; those refused before routing only on the first method of a path. */
    private void pathIds(boolean firstOfPath) {
        for (String variable : endpoint.pathVariables()) {
            String valid = baseline.ids().get(variable);
            HostileValues.notIds(valid).forEach((label, id) -> {
                if (firstOfPath || !HostileValues.REFUSED_BEFORE_ROUTING.contains(label)) {
                    add(request().target(path(variable, id) + query("")), "path " + variable + ": " + label,
                            REFUSED, null);
                }
            });
            add(request().target(path(variable, HostileValues.UNKNOWN_ID) + query("")),
                    "path " + variable + ": nobody's id", HARMLESS, null);
        }
    }

    private void queries() {
        if (!endpoint.isQuery()) {
            return;
        }
        for (Endpoint.Parameter parameter : endpoint.in("query")) {
            Schema.Kind kind = parameter.schema() == null ? Schema.Kind.TEXT : parameter.schema().kind();
            String name = parameter.name();
            switch (kind) {
                case INTEGER, NUMBER -> {
                    numbersIn(name, true);
                    parameter.schema().maximum().ifPresent(max -> query(name, Long.toString(max + 1), "above maximum",
                            REFUSED));
                    query(name, "", "empty", HARMLESS);
                    add(request().target(path() + query(name + "=1&" + name + "=2")), "query " + name
                            + ": twice (the first is used)", HARMLESS, null);
                }
                case ENUM -> {
                    List<String> values = parameter.schema().enumValues();
                    query(name, "SLEEPING", "unknown value", REFUSED);
                    String other = values.getFirst().toLowerCase(Locale.ROOT);
                    if (!values.contains(other)) {
                        query(name, other, "other case", REFUSED);
                    }
                    query(name, HostileValues.encode("<script>alert(1)</script>"), "script tag", REFUSED);
                    query(name, "%00", "NUL (trimmed away: no filter)", HARMLESS);
                    query(name, "", "empty", HARMLESS);
                    add(request().target(path() + query(name + "=" + values.getFirst() + "&" + name + "="
                            + values.getLast())), "query " + name + ": twice (the first is used)", HARMLESS, null);
                }
                default -> HostileValues.TEXTS.forEach((label, text) ->
                        query(name, HostileValues.encode(text), label, HARMLESS));
            }
        }
        if (endpoint.freeQuery()) {
            List<String> known = FREE_QUERY_PARAMETERS.getOrDefault(endpoint.path(), List.of());
            for (String name : known) {
                if (NUMERIC_PARAMETERS.contains(name)) {
                    numbersIn(name, false);
                } else if (CHOICE_PARAMETERS.contains(name)) {
                    query(name, "whatever", "unknown value", REFUSED);
                    query(name, HostileValues.encode("<script>alert(1)</script>"), "script tag", REFUSED);
                    query(name, "%00", "NUL", REFUSED);
                } else if (name.endsWith("Id")) {
                    HostileValues.notIds(UUID.randomUUID().toString()).forEach((label, id) -> {
                        if (!id.isEmpty()) {
                            query(name, id, label, REFUSED);
                        }
                    });
                } else {
                    HostileValues.TEXTS.forEach((label, text) -> query(name, HostileValues.encode(text), label,
                            HARMLESS));
                    query(name, HostileValues.LONG_ID, "10,000 characters", REFUSED);
                }
            }
            query("unknown", "1", "unknown parameter", REFUSED);
            query(HostileValues.encode("<script>"), "1", "script tag as a name", REFUSED);
        } else {
            // Spring ignores a parameter a handler does not declare: a read still answers, and writes nothing.
            query("sort", "whatever", "undeclared parameter", HARMLESS);
            query(HostileValues.encode("<script>"), "1", "script tag as a name", HARMLESS);
        }
    }

    /**
     * Values no numeric query parameter admits. Spring binds a declared {@code int} parameter with
     * {@code Integer.decode}, so {@code 0x10} is 16 there: a read, it changes nothing.
     */
    private void numbersIn(String name, boolean declared) {
        HostileValues.NEVER_NUMBERS_IN_QUERY.forEach((label, value) -> query(name, value, label,
                declared && label.equals("hexadecimal") ? HARMLESS : REFUSED));
        if (name.equals("size")) {
            query(name, "100000", "100,000", REFUSED);
        }
    }

    private void query(String name, String value, String label, Verdict verdict) {
        add(request().target(path() + query(name + "=" + value)), "query " + name + ": " + label, verdict, null);
    }

    private void headers() {
        if (endpoint.declaresHeader("Idempotency-Key")) {
            String header = "Idempotency-Key";
            if (endpoint.requiresHeader(header)) {
                add(request().without(header), "Idempotency-Key missing", REFUSED, null);
            }
            add(request().with(header, ""), "Idempotency-Key empty", REFUSED, null);
            add(request().with(header, "key with spaces " + UUID.randomUUID()), "Idempotency-Key with spaces",
                    REFUSED, null);
            add(request().with(header, "k".repeat(256)), "Idempotency-Key of 256 characters", REFUSED, null);
            add(request().with(header, "first-" + UUID.randomUUID()).also(header, "second-" + UUID.randomUUID()),
                    "Idempotency-Key twice", REFUSED, null);
            add(request().with(header, "<script>alert(1)</script>" + UUID.randomUUID()),
                    "Idempotency-Key with markup (an opaque key)", acceptable(), null);
        }
        if (endpoint.declaresHeader("If-Match")) {
            Map<String, String> garbage = new LinkedHashMap<>();
            garbage.put("a word", "yesterday");
            garbage.put("negative version", "\"-1\"");
            garbage.put("20 digits", "\"99999999999999999999\"");
            garbage.put("weak tag of a word", "W/\"abc\"");
            garbage.put("a list", "\"1\", \"2\"");
            garbage.put("script tag", "<script>alert(1)</script>");
            garbage.put("10,000 characters", "\"" + "9".repeat(10_000) + "\"");
            garbage.put("a stale version", "\"999999\"");
            garbage.forEach((label, value) -> add(request().with("If-Match", value), "If-Match: " + label,
                    REFUSED, null));
            add(request().with("If-Match", "\"1\"").also("If-Match", "\"2\""), "If-Match twice", REFUSED, null);
        }
        if (endpoint.declaresHeader("Stripe-Signature")) {
            add(request().with("Stripe-Signature", "t=1,v1=" + "0".repeat(64)), "Stripe-Signature forged",
                    REFUSED, null);
            add(request().with("Stripe-Signature", "<script>alert(1)</script>"), "Stripe-Signature garbage",
                    REFUSED, null);
        }
        Request spoiled = endpoint.hasBody() ? request().body(HostileValues.ascii("{"))
                : !endpoint.pathVariables().isEmpty()
                ? request().target(path(endpoint.pathVariables().getFirst(), "not-a-uuid") + query(""))
                : null;
        if (spoiled != null) {
            add(spoiled.with("X-Correlation-Id", "<script>alert(1)</script>"), "hostile X-Correlation-Id",
                    REFUSED, null);
        }
    }

    private void tokens() {
        Map<String, String> garbage = new LinkedHashMap<>();
        garbage.put("a word", "Bearer garbage");
        garbage.put("empty bearer", "Bearer ");
        garbage.put("unsigned token (alg none)",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.");
        garbage.put("forged signature", "Bearer $TOKEN_FORGED");
        garbage.put("10,000 characters", "Bearer " + "a".repeat(10_000));
        garbage.forEach((label, value) -> add(request().with("Authorization", value), "Authorization: " + label,
                REFUSED, null, Attempt.AS_GIVEN));
        // Another scheme than Bearer is no claim to be anyone: where anyone is admitted, it is simply not used.
        add(request().with("Authorization", "Basic YWRtaW46YWRtaW4="), "Authorization: basic credentials",
                endpoint.access().anonymous() ? HARMLESS : REFUSED, null, Attempt.AS_GIVEN);
        add(request().with("Authorization", "Bearer $TOKEN").also("Authorization", "Bearer garbage"),
                "Authorization twice", REFUSED, null, Attempt.AS_GIVEN);
        if (!endpoint.access().anonymous()) {
            ApiSurface.ALL_ROLES.stream().filter(role -> !endpoint.access().roles().contains(role)).findFirst()
                    .ifPresent(role -> add(request(), "a role it does not admit", REFUSED, null, role));
            add(request(), "no token", REFUSED, null, Attempt.ANONYMOUS);
        }
    }

    private void methods() {
        for (String method : List.of("PATCH", "TRACE")) {
            attempts.add(new Attempt(endpoint, "method " + method, method, path() + query(""), List.of(), null,
                    null, REFUSED, null));
        }
    }

    private void bodies() {
        String valid = baseline.body() == null ? "{}" : JSON.writeValueAsString(baseline.body());
        HostileValues.BROKEN_BODIES.forEach((label, text) -> add(request().body(
                text.replace("$VALID", valid).getBytes(StandardCharsets.UTF_8)), "body: " + label, REFUSED, null));
        add(request().body(new byte[0]), "body: empty", REFUSED, null);
        add(request().body(null).without("Content-Type"), "body: none", REFUSED, null);
        if (baseline.body() != null && baseline.body().isObject() && !baseline.body().isEmpty()) {
            Map.Entry<String, JsonNode> first = baseline.body().properties().iterator().next();
            String other = first.getValue().isString() ? "\"other\"" : first.getValue().isNumber() ? "2" : "null";
            add(request().body(("{" + JSON.writeValueAsString(first.getKey()) + ":" + other + ","
                    + valid.substring(1)).getBytes(StandardCharsets.UTF_8)), "body: a property twice", REFUSED, null);
        }
        HostileValues.WRONG_CONTENT_TYPES.forEach((label, type) -> add(request().with("Content-Type", type),
                "content type: " + label, REFUSED, null));
        add(request().without("Content-Type"), "content type: none", REFUSED, null);
    }

    /** Spoils the value at {@code at} (and, for containers, what is inside it) in every way its kind allows. */
    private void field(Schema schema, List<Object> at, JsonNode valid, boolean required, String name, boolean root) {
        String where = at.isEmpty() ? "body" : pointer(at);
        if (!root) {
            value(at, "null", "null", required ? REFUSED : acceptable(), null);
        }
        switch (schema.kind()) {
            case TEXT -> {
                texts().forEach((label, text) -> {
                    Verdict verdict = textVerdict(schema, name, text);
                    value(at, JSON.writeValueAsString(text), label, verdict, text.isBlank() ? null : text.strip());
                });
                HostileValues.UNSTORABLE_TEXTS.forEach((label, bytes) -> value(at, bytes, label, REFUSED));
                HostileValues.NOT_TEXTS.forEach((label, json) -> value(at, json, label, REFUSED));
                if (name.endsWith("Id")) {
                    value(at, "\"not-a-uuid\"", "not a UUID", REFUSED, null);
                    value(at, "\"" + HostileValues.LONG_ID + "\"", "10,000-character id", REFUSED, null);
                    value(at, "\"" + HostileValues.UNKNOWN_ID + "\"", "nobody's id", acceptable(), null);
                }
            }
            case INTEGER, NUMBER -> {
                HostileValues.NEVER_INTEGERS.forEach((label, json) -> value(at, json, label, REFUSED, null));
                value(at, "0", "zero", schema.minimum().orElse(0) > 0 ? REFUSED : acceptable(), null);
                long max = schema.maximum().orElse(schema.isInt32() ? Integer.MAX_VALUE : Long.MAX_VALUE);
                schema.maximum().ifPresent(maximum -> value(at, Long.toString(maximum + 1), "above maximum",
                        REFUSED, null));
                value(at, "2147483648", "2^31", max < 2147483648L ? REFUSED : acceptable(), null);
                value(at, "9223372036854775807", "2^63-1", max < Long.MAX_VALUE ? REFUSED : acceptable(), null);
            }
            case BOOLEAN -> {
                value(at, "\"true\"", "boolean as string", REFUSED, null);
                value(at, "1", "number for boolean", REFUSED, null);
            }
            case ENUM -> {
                List<String> values = schema.enumValues();
                value(at, "\"UNKNOWN_VALUE\"", "unknown value", REFUSED, null);
                String upper = values.getFirst().toUpperCase(Locale.ROOT);
                String lower = values.getFirst().toLowerCase(Locale.ROOT);
                String other = values.contains(upper) ? lower : upper;
                if (!values.contains(other)) {
                    value(at, JSON.writeValueAsString(other), "other case", REFUSED, null);
                }
                value(at, "\"\"", "empty", REFUSED, null);
                value(at, "\"<script>alert(1)</script>\"", "script tag", REFUSED, null);
                value(at, "0", "index instead of name", REFUSED, null);
                HostileValues.UNSTORABLE_TEXTS.forEach((label, bytes) -> value(at, bytes, label, REFUSED));
                HostileValues.NOT_TEXTS.forEach((label, json) -> value(at, json, label, REFUSED));
            }
            case CURRENCY -> {
                for (String code : List.of("egp", "EURO", "", "QQQ", "<script>alert(1)</script>")) {
                    value(at, JSON.writeValueAsString(code), "currency " + code, REFUSED, null);
                }
                value(at, "{\"currencyCode\":\"EGP\"}", "currency as an object", REFUSED, null);
                HostileValues.UNSTORABLE_TEXTS.forEach((label, bytes) -> value(at, bytes, label, REFUSED));
                HostileValues.NOT_TEXTS.forEach((label, json) -> value(at, json, label, REFUSED));
            }
            case OBJECT -> {
                if (!root) {
                    shapes(at, "[]", "\"text\"", "42", "true");
                    value(at, "{}", "empty object", schema.hasRequiredProperties() ? REFUSED : acceptable(), null);
                }
                if (valid == null || !valid.isObject()) {
                    return;
                }
                add(request().body(replaced(at, withProperty(valid, "unexpectedProperty"))),
                        "body " + where + ": unknown property", REFUSED, null);
                schema.properties().forEach((property, propertySchema) -> {
                    if (schema.requires(property) && valid.has(property)) {
                        add(request().body(removed(at, property)), "body " + where + ": " + property + " missing",
                                REFUSED, null);
                    }
                });
                schema.properties().forEach((property, propertySchema) -> {
                    field(propertySchema, append(at, property), valid.get(property), schema.requires(property),
                            property, false);
                });
            }
            case MAP -> {
                shapes(at, "[]", "\"text\"", "42");
                value(at, "{}", "empty map", acceptable(), null);
                if (valid == null || !valid.isObject()) {
                    return;
                }
                JsonNode sampleValue = valid.isEmpty() ? JsonNodeFactory.instance.stringNode("x")
                        : valid.values().iterator().next();
                texts().forEach((label, key) -> add(request().body(withKey(at,
                                JSON.writeValueAsString(key).getBytes(StandardCharsets.UTF_8), sampleValue)),
                        "body " + where + ": key " + label, acceptable(), key.isBlank() ? null : key));
                HostileValues.UNSTORABLE_TEXTS.forEach((label, bytes) -> add(request().body(withKey(at, bytes,
                        sampleValue)), "body " + where + ": key " + label, REFUSED, null));
                ObjectNode many = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < 10_000; i++) {
                    many.set("k" + i, sampleValue);
                }
                add(request().body(replaced(at, many)), "body " + where + ": 10,000 entries", REFUSED, null);
                if (!valid.isEmpty()) {
                    String key = valid.propertyNames().iterator().next();
                    field(schema.additional(), append(at, key), valid.get(key), true, key, false);
                }
            }
            case ARRAY -> {
                shapes(at, "\"text\"", "{}", "42");
                value(at, "[]", "empty array", schema.minItems().orElse(0) > 0 ? REFUSED : acceptable(), null);
                JsonNode item = valid != null && valid.isArray() && !valid.isEmpty() ? valid.get(0)
                        : JsonNodeFactory.instance.stringNode("x");
                ArrayNode many = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    many.add(item);
                }
                add(request().body(replaced(at, many)), "body " + where + ": 10,000 items", REFUSED, null);
                if (valid != null && valid.isArray() && !valid.isEmpty()) {
                    field(schema.items(), append(at, 0), valid.get(0), true, name, false);
                }
            }
            case ANY -> {
            }
        }
    }

    /**
     * The hostile texts for the next text field or map key. Every field gets all of them when the body has one, and
     * a quarter when it has four or more (spread so that the fields together get every text): each accepted text is a
     * command that runs, and a listing edited hundreds of times makes the corpus slow without covering more.
     */
    private Map<String, String> texts() {
        if (counting) {
            textSlots++;
            return Map.of();
        }
        int stride = Math.max(1, Math.min(textSlots, 4));
        int slot = nextTextSlot++ % stride;
        Map<String, String> share = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, String> text : HostileValues.TEXTS.entrySet()) {
            if (index++ % stride == slot) {
                share.put(text.getKey(), text.getValue());
            }
        }
        return share;
    }

    private void shapes(List<Object> at, String... jsons) {
        for (String json : jsons) {
            value(at, json, "wrong shape " + json, REFUSED, null);
        }
    }

    private Verdict textVerdict(Schema schema, String name, String text) {
        boolean invalid = (name.endsWith("Id") && !UUID_TEXT.matcher(text).matches())
                || schema.pattern().map(pattern -> !pattern.matcher(text).matches()).orElse(false)
                || schema.maxLength().orElse(Long.MAX_VALUE) < text.length()
                || schema.minLength().orElse(0) > text.length()
                || ("email".equals(schema.node().path("format").asString("")) && !EMAIL.matcher(text).matches());
        return invalid ? REFUSED : acceptable();
    }

    private void value(List<Object> at, String json, String label, Verdict verdict, String stored) {
        value(at, json.getBytes(StandardCharsets.UTF_8), label, verdict, stored);
    }

    private void value(List<Object> at, byte[] json, String label, Verdict verdict) {
        value(at, json, label, verdict, null);
    }

    private void value(List<Object> at, String json, String label, Verdict verdict) {
        value(at, json, label, verdict, null);
    }

    private void value(List<Object> at, byte[] json, String label, Verdict verdict, String stored) {
        add(request().body(spliced(at, json)), "body " + pointer(at) + ": " + label, verdict, stored);
    }

    private void add(Request request, String what, Verdict verdict, String stored) {
        add(request, what, verdict, stored, null);
    }

    private void add(Request request, String what, Verdict verdict, String stored, String caller) {
        if (counting) {
            return;
        }
        attempts.add(new Attempt(endpoint, what, endpoint.method(), request.target, request.headers(), request.body,
                caller, verdict, stored));
    }

    private List<Attempt> withCallers() {
        List<String> callers = new ArrayList<>();
        if (endpoint.access().anonymous()) {
            callers.add(Attempt.ANONYMOUS);
        }
        callers.addAll(endpoint.access().roles());
        List<Attempt> assigned = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            assigned.add(attempt.caller() == null ? attempt.as(callers.get(i % callers.size())) : attempt);
        }
        return assigned;
    }

    private Request request() {
        Request request = new Request(path() + query(""));
        if (endpoint.declaresHeader("Idempotency-Key")) {
            request.with("Idempotency-Key", "corpus-" + UUID.randomUUID());
        }
        if (endpoint.hasBody()) {
            request.with("Content-Type", "application/json");
            request.body = baseline.body() == null ? HostileValues.ascii("{}") : JSON.writeValueAsBytes(baseline.body());
        }
        return request;
    }

    private String path() {
        return path(null, null);
    }

    private String path(String spoiledVariable, String spoiledValue) {
        String path = endpoint.path();
        for (String variable : endpoint.pathVariables()) {
            String value = variable.equals(spoiledVariable) ? spoiledValue : baseline.ids().get(variable);
            path = path.replace("{" + variable + "}", value);
        }
        return path;
    }

    private String query(String spoiled) {
        String required = REQUIRED_QUERY.getOrDefault(endpoint.path(), "");
        if (!required.isEmpty() && spoiled.startsWith(required.substring(0, required.indexOf('=') + 1))) {
            required = "";
        }
        String query = required.isEmpty() ? spoiled : spoiled.isEmpty() ? required : required + "&" + spoiled;
        return query.isEmpty() ? "" : "?" + query;
    }

    private byte[] spliced(List<Object> at, byte[] json) {
        if (at.isEmpty()) {
            return json;
        }
        JsonNode copy = baseline.body().deepCopy();
        put(parent(copy, at), at.getLast(), JsonNodeFactory.instance.stringNode(MARK));
        return splice(JSON.writeValueAsString(copy), "\"" + MARK + "\"", json);
    }

    private byte[] replaced(List<Object> at, JsonNode node) {
        if (at.isEmpty()) {
            return JSON.writeValueAsBytes(node);
        }
        JsonNode copy = baseline.body().deepCopy();
        put(parent(copy, at), at.getLast(), node);
        return JSON.writeValueAsBytes(copy);
    }

    private byte[] removed(List<Object> at, String property) {
        JsonNode copy = baseline.body().deepCopy();
        ((ObjectNode) (at.isEmpty() ? copy : copy.at(pointer(at)))).remove(property);
        return JSON.writeValueAsBytes(copy);
    }

    private byte[] withKey(List<Object> at, byte[] key, JsonNode value) {
        JsonNode copy = baseline.body().deepCopy();
        ((ObjectNode) copy.at(pointer(at))).set(KEY_MARK, value);
        return splice(JSON.writeValueAsString(copy), "\"" + KEY_MARK + "\"", key);
    }

    private static JsonNode withProperty(JsonNode object, String property) {
        ObjectNode copy = (ObjectNode) object.deepCopy();
        copy.put(property, 1);
        return copy;
    }

    private static JsonNode parent(JsonNode root, List<Object> at) {
        return at.size() == 1 ? root : root.at(pointer(at.subList(0, at.size() - 1)));
    }

    private static void put(JsonNode parent, Object step, JsonNode value) {
        if (step instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) step, value);
        }
    }

    private static byte[] splice(String json, String mark, byte[] replacement) {
        int at = json.indexOf(mark);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(replacement);
        out.writeBytes(json.substring(at + mark.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<Object> append(List<Object> at, Object step) {
        List<Object> longer = new ArrayList<>(at);
        longer.add(step);
        return List.copyOf(longer);
    }

    private static String pointer(List<Object> at) {
        StringBuilder pointer = new StringBuilder();
        for (Object step : at) {
            pointer.append('/').append(step.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** A request under construction: headers keep their order and may repeat. */
    private static final class Request {

        private String target;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body;

        Request(String target) {
            this.target = target;
        }

        Request target(String newTarget) {
            target = newTarget;
            return this;
        }

        Request with(String name, String value) {
            without(name);
            headers.add(Map.entry(name, value));
            return this;
        }

        Request also(String name, String value) {
            headers.add(Map.entry(name, value));
            return this;
        }

        Request without(String name) {
            headers.removeIf(header -> header.getKey().equalsIgnoreCase(name));
            return this;
        }

        Request body(byte[] newBody) {
            body = newBody;
            return this;
        }

        List<Map.Entry<String, String>> headers() {
            return List.copyOf(headers);
        }
    }
}
