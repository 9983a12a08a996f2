package com.souq.commerce.engine.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One JSON schema of the OpenAPI document, {@code $ref}s resolved against its components: what kind of value a field
 * holds and which constraints the document states for it (required, lengths, pattern, bounds, enum values).
 */
record Schema(JsonNode node, JsonNode components) {

    enum Kind { TEXT, INTEGER, NUMBER, BOOLEAN, ENUM, CURRENCY, OBJECT, MAP, ARRAY, ANY }

    static Schema of(JsonNode node, JsonNode components) {
        JsonNode resolved = node == null ? MissingNode.getInstance() : node;
        while (resolved.has("$ref")) {
            String name = resolved.get("$ref").asString().replace("#/components/schemas/", "");
            resolved = components.path(name);
        }
        return new Schema(resolved, components);
    }

    /** The component name of a {@code $ref}'d schema, or null for an inline one. */
    static String nameOf(JsonNode node) {
        return node != null && node.has("$ref")
                ? node.get("$ref").asString().replace("#/components/schemas/", "")
                : null;
    }

    Kind kind() {
        if (node.has("enum")) {
            return Kind.ENUM;
        }
        String type = type();
        return switch (type) {
            case "string" -> Kind.TEXT;
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "array" -> Kind.ARRAY;
            case "object" -> {
                // springdoc describes java.util.Currency by its getters; on the wire it is the ISO code as a string.
                if (node.path("properties").has("currencyCode")) {
                    yield Kind.CURRENCY;
                }
                if (node.has("properties")) {
                    yield Kind.OBJECT;
                }
                yield node.has("additionalProperties") ? Kind.MAP : Kind.ANY;
            }
            default -> node.has("properties") ? Kind.OBJECT : Kind.ANY;
        };
    }

    private String type() {
        JsonNode type = node.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asString().equals("null")) {
                    return one.asString();
                }
            }
        }
        return type.asString("");
    }

    Map<String, Schema> properties() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        node.path("properties").properties().forEach(property ->
                properties.put(property.getKey(), of(property.getValue(), components)));
        return properties;
    }

    boolean requires(String property) {
        for (JsonNode name : node.path("required")) {
            if (name.asString().equals(property)) {
                return true;
            }
        }
        return false;
    }

    boolean hasRequiredProperties() {
        return !node.path("required").isEmpty();
    }

    Schema items() {
        return of(node.path("items"), components);
    }

    Schema additional() {
        return of(node.path("additionalProperties"), components);
    }

    List<String> enumValues() {
        List<String> values = new ArrayList<>();
        node.path("enum").forEach(value -> values.add(value.asString()));
        return values;
    }

    OptionalLong maxLength() {
        return longOf("maxLength");
    }

    OptionalLong minLength() {
        return longOf("minLength");
    }

    OptionalLong minItems() {
        return longOf("minItems");
    }

    OptionalLong minimum() {
        return longOf("minimum");
    }

    OptionalLong maximum() {
        return longOf("maximum");
    }

    Optional<Pattern> pattern() {
        return node.has("pattern") ? Optional.of(Pattern.compile(node.get("pattern").asString())) : Optional.empty();
    }

    boolean isInt32() {
        return node.path("format").asString("").equals("int32");
    }

    private OptionalLong longOf(String keyword) {
        return node.has(keyword) ? OptionalLong.of(node.get(keyword).asLong()) : OptionalLong.empty();
    }
}
