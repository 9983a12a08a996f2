package com.souq.commerce.platform.privacy;

import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a record keeps {@link PersonalData}: the names of its personal texts, and the records (or lists of records)
 * holding more of them, read once per class from the annotations. It goes through the record's JSON (component name
 * = property name, as the event serializer writes it) and replaces each personal text it finds; an absent or null
 * text stays as it is.
 */
final class PersonalDataShape {

    private static final ClassValue<Optional<PersonalDataShape>> SHAPES = new ClassValue<>() {
        @Override
        protected Optional<PersonalDataShape> computeValue(Class<?> type) {
            return Optional.ofNullable(read(type));
        }
    };

    private static final Map<String, Optional<PersonalDataShape>> BY_TYPE_NAME = new ConcurrentHashMap<>();

    private record Part(String name, PersonalDataShape nested) {
    }

    private final List<Part> parts;
    private final RecordComponent subject;

    private PersonalDataShape(List<Part> parts, RecordComponent subject) {
        this.parts = parts;
        this.subject = subject;
    }

    /** The shape of a type that holds personal data; empty for every other type. */
    static Optional<PersonalDataShape> of(Class<?> type) {
        return SHAPES.get(type);
    }

    /**
     * The shape of the type of this name (an event's payload type as the store names it); empty for every other type
     * and for names of no class here. Looked up once per name.
     */
    static Optional<PersonalDataShape> ofTypeName(String typeName) {
        return BY_TYPE_NAME.computeIfAbsent(typeName, name -> {
            try {
                return of(Class.forName(name, false, PersonalDataShape.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError unknown) {
                return Optional.empty();
            }
        });
    }

    /** The names of this record's own personal texts (not those of the records it holds). */
    List<String> textNames() {
        return parts.stream().filter(part -> part.nested() == null).map(Part::name).toList();
    }

    /** The person of this record ({@link DataSubject}), or null when it names none or none is set. */
    String subjectOf(Object value) {
        if (subject == null) {
            return null;
        }
        try {
            Object id = subject.getAccessor().invoke(value);
            if (id != null && id.getClass().isRecord() && id.getClass().getRecordComponents().length == 1) {
                id = id.getClass().getRecordComponents()[0].getAccessor().invoke(id);
            }
            return id == null ? null : id.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the data subject of " + value.getClass().getName(), e);
        }
    }

    /** Replaces every personal text of {@code node} (this shape's JSON) by what {@code replace} makes of it. */
    void replaceTexts(JsonNode node, UnaryOperator<String> replace) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Part part : parts) {
            JsonNode value = object.get(part.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (part.nested() == null) {
                if (value.isString()) {
                    object.put(part.name(), replace.apply(value.asString()));
                }
            } else if (value.isArray()) {
                for (JsonNode element : value) {
                    part.nested().replaceTexts(element, replace);
                }
            } else {
                part.nested().replaceTexts(value, replace);
            }
        }
    }

    private static PersonalDataShape read(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        List<Part> parts = new ArrayList<>();
        RecordComponent subject = null;
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(DataSubject.class)) {
                subject = component;
            }
            if (!component.isAnnotationPresent(PersonalData.class)) {
                continue;
            }
            if (component.getType() == String.class) {
                parts.add(new Part(component.getName(), null));
                continue;
            }
            Class<?> held = heldType(component);
            PersonalDataShape nested = held == null ? null : of(held).orElse(null);
            if (nested == null) {
                throw new IllegalStateException(type.getName() + "." + component.getName() + " is marked personal "
                        + "data but is neither a text nor a record (or list of records) with personal texts");
            }
            parts.add(new Part(component.getName(), nested));
        }
        if (parts.isEmpty()) {
            return null;
        }
        return new PersonalDataShape(List.copyOf(parts), subject);
    }

    private static Class<?> heldType(RecordComponent component) {
        if (!Collection.class.isAssignableFrom(component.getType())) {
            return component.getType();
        }
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }
}
