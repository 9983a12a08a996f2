package com.souq.commerce.platform.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * A text field of a JSON request takes a JSON string, nothing else: Jackson would turn {@code 42} or {@code true}
 * into {@code "42"} and {@code "true"} (its scalar coercion setting does not cover text). And every string, value or
 * key, must be text the engine can store and give back as it came: no NUL (PostgreSQL's text and jsonb refuse it, so
 * an event holding one breaks the auditors' journal and the read models) and no unpaired surrogate (not Unicode: it
 * cannot be encoded in UTF-8 and comes back as {@code ?}). Either fails the request as an invalid field (400) before
 * any command exists. Registered with the HTTP layer's JSON mapper only: Axon's serializer keeps its own.
 */
@Component
class StrictStrings extends SimpleModule {

    StrictStrings() {
        super("strict-strings");
        addDeserializer(String.class, new Checked());
        addKeyDeserializer(String.class, new CheckedKey());
    }

    /** The reason {@code text} cannot be stored, or null when it can. */
    static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate";
            }
        }
        return null;
    }

    private static final class Checked extends StdDeserializer<String> {

        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            String problem = text == null ? null : problemWith(text);
            if (problem != null) {
                throw new Refused(parser, problem);
            }
            return text;
        }
    }

    private static final class CheckedKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            String problem = problemWith(key);
            if (problem != null) {
                throw new Refused(context.getParser(), "is a key that " + problem);
            }
            return key;
        }
    }

    /** A string refused for what it contains; its message says what, for the problem's field error. */
    static final class Refused extends MismatchedInputException {

        Refused(JsonParser parser, String problem) {
            super(parser, problem, String.class);
        }
    }
}
