package com.souq.commerce.listing.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A text in several languages, keyed by ISO 639-1 code: English and Arabic everywhere, Sinhala and Tamil for Sri
 * Lanka. Serialized as a plain object, e.g. {@code {"en": "Toyota Camry 2019", "ar": "تويوتا كامري ٢٠١٩"}}.
 */
public record LocalizedText(Map<String, String> values) {

    public static final Set<String> LANGUAGES = Set.of("en", "ar", "si", "ta");

    public LocalizedText {
        TreeMap<String, String> copy = new TreeMap<>();
        if (values != null) {
            values.forEach((language, text) -> {
                if (!LANGUAGES.contains(language)) {
                    throw new IllegalArgumentException("Unsupported language " + language + ": one of " + LANGUAGES);
                }
                if (text != null && !text.isBlank()) {
                    copy.put(language, text.strip());
                }
            });
        }
        values = Collections.unmodifiableMap(copy);
    }

    @JsonCreator
    public static LocalizedText of(Map<String, String> values) {
        return new LocalizedText(values);
    }

    public static LocalizedText empty() {
        return new LocalizedText(Map.of());
    }

    @JsonValue
    @Override
    public Map<String, String> values() {
        return values;
    }

    public Optional<String> in(String language) {
        return Optional.ofNullable(values.get(language));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
