package com.souq.commerce.platform.privacy;

import java.util.function.Supplier;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event serializer with crypto-shredding: an event holding {@link com.souq.commerce.shared.privacy.PersonalData}
 * is written by the real serializer, then its personal texts are sealed with its person's key
 * ({@link PersonalDataVault}); reading reveals them again (or shows them erased) before the real serializer reads the
 * event. Every other payload passes through untouched. Sits under everything that writes or reads events: the event
 * store, aggregates, processors, rebuilds, dead letters, replays.
 */
public final class PersonalDataSerializer implements Serializer {

    private static final JsonMapper TREES = JsonMapper.builder().build();

    private final Serializer delegate;
    private final Supplier<PersonalDataVault> vault;

    public PersonalDataSerializer(Serializer delegate, Supplier<PersonalDataVault> vault) {
        this.delegate = delegate;
        this.vault = vault;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalDataShape shape = object == null ? null : PersonalDataShape.of(object.getClass()).orElse(null);
        String subject = shape == null ? null : shape.subjectOf(object);
        if (subject == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> plain = delegate.serialize(object, byte[].class);
        JsonNode tree = TREES.readTree(plain.getData());
        PersonalDataVault personalData = vault.get();
        shape.replaceTexts(tree, text -> personalData.seal(subject, text));
        T sealed = getConverter().convert(TREES.writeValueAsBytes(tree), byte[].class, expectedRepresentation);
        return new SimpleSerializedObject<>(sealed, expectedRepresentation, plain.getType());
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        PersonalDataShape shape = shapeOf(serializedObject.getType());
        if (shape == null) {
            return delegate.deserialize(serializedObject);
        }
        byte[] data = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                byte[].class);
        JsonNode tree = TREES.readTree(data);
        shape.replaceTexts(tree, vault.get()::reveal);
        return delegate.deserialize(new SimpleSerializedObject<>(TREES.writeValueAsBytes(tree), byte[].class,
                serializedObject.getType()));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static PersonalDataShape shapeOf(SerializedType type) {
        if (type == null || SerializedType.emptyType().equals(type)) {
            return null;
        }
        return PersonalDataShape.ofTypeName(type.getName()).orElse(null);
    }
}
