package com.souq.commerce.platform.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.souq.commerce.shared.privacy.PersonalData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Crypto-shredding of personal data. Every person ({@code subject}: an account id, also the {@code sub} of its tokens)
 * has an AES-256 key of their own in the table {@code personal_data_keys}, outside the event store and itself
 * encrypted with the configured key-encryption key. A personal text is sealed with its person's key (AES-GCM, the
 * person bound in as associated data) before it enters the event store, and revealed when it is read. Erasing a person
 * deletes their key and leaves a tombstone: from then on every sealed text of theirs, in every event ever written,
 * reads as {@link PersonalData#ERASED}, and new texts of theirs are stored as that too.
 *
 * <p>A sealed text reads {@code pd1:<subject>:<base64url(nonce ‖ ciphertext ‖ tag)>}. Keys are cached for
 * {@code souq.privacy.key-cache-ttl}; an erasure empties this instance's cache at once and another instance's within
 * that time. What a transaction reads or creates is cached only once it committed, so a rolled-back key can never
 * seal anything later. A text sealed with a key that is erased meanwhile reads as erased, like every other.
 */
public class PersonalDataVault {

    private static final String PREFIX = "pd1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** A person's key, or the tombstone of an erased person. */
    private record Held(SecretKey key) {
        static final Held ERASED = new Held(null);

        boolean erased() {
            return key == null;
        }
    }

    private final JdbcClient jdbc;
    private final SecretKey keyEncryptionKey;
    private final Cache<String, Held> keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataVault(JdbcClient jdbc, byte[] keyEncryptionKey, Duration keyCacheTtl) {
        if (keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("souq.privacy.key-encryption-key must be 32 bytes (base64), not "
                    + keyEncryptionKey.length);
        }
        this.jdbc = jdbc;
        this.keyEncryptionKey = new SecretKeySpec(keyEncryptionKey, "AES");
        this.keys = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(keyCacheTtl).build();
    }

    /** Seals a personal text of {@code subject} (creating their key on first use); null or blank stays as it is. */
    public String seal(String subject, String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        Held held = keyForWriting(subject);
        if (held.erased()) {
            return PersonalData.ERASED;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, held.key(), nonce, subject,
                text.getBytes(StandardCharsets.UTF_8));
        return PREFIX + subject + ":" + ENCODER.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /** The text a sealed one stands for, {@link PersonalData#ERASED} if its person was erased; other texts as given. */
    public String reveal(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return text;
        }
        int split = text.lastIndexOf(':');
        if (split < PREFIX.length()) {
            return PersonalData.ERASED;
        }
        String subject = text.substring(PREFIX.length(), split);
        Held held = keyForReading(subject);
        if (held.erased()) {
            return PersonalData.ERASED;
        }
        try {
            byte[] sealed = DECODER.decode(text.substring(split + 1));
            byte[] nonce = Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
            byte[] ciphertext = Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
            return new String(crypt(Cipher.DECRYPT_MODE, held.key(), nonce, subject, ciphertext),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IllegalStateException unreadable) {
            // A text that does not open with its person's key (altered, or not sealed here) is never shown as it is.
            return PersonalData.ERASED;
        }
    }

    /**
     * Reveals the personal texts of an event's payload read as JSON straight from the store (audit views, exports):
     * {@code payloadType} is the store's payload type (the event's class name). Other payloads are left as they are.
     */
    public void revealIn(String payloadType, JsonNode payload) {
        PersonalDataShape.ofTypeName(payloadType).ifPresent(shape -> shape.replaceTexts(payload, this::reveal));
    }

    /** Whether events of this payload type (the store's class name) can hold personal texts. */
    public boolean mayHoldPersonalData(String payloadType) {
        return PersonalDataShape.ofTypeName(payloadType).isPresent();
    }

    /**
     * Erases a person: deletes their key and leaves the tombstone. Runs in the caller's transaction; answers when the
     * person was erased (the first time, if erased before).
     */
    public Instant erase(String subject) {
        Instant erasedAt = jdbc.sql("""
                        INSERT INTO personal_data_keys (subject, wrapped_key, created_at, erased_at)
                        VALUES (:subject, NULL, now(), now())
                        ON CONFLICT (subject) DO UPDATE
                           SET wrapped_key = NULL, erased_at = coalesce(personal_data_keys.erased_at, now())
                        RETURNING erased_at""")
                .param("subject", subject)
                .query(OffsetDateTime.class).single().toInstant();
        afterCommit(() -> keys.put(subject, Held.ERASED));
        return erasedAt;
    }

    /**
     * The names of a record's own personal texts (its {@code @PersonalData String} components), comma-separated, for
     * SQL on its JSON: {@code erase_personal_texts(document, string_to_array(:names, ','))}.
     */
    public static String personalTextsOf(Class<? extends Record> type) {
        return PersonalDataShape.of(type).map(shape -> String.join(",", shape.textNames())).orElse("");
    }

    /** Whether the person was erased. */
    public boolean erased(String subject) {
        return keyForReading(subject).erased();
    }

    private Held keyForWriting(String subject) {
        Held cached = keys.getIfPresent(subject);
        if (cached != null) {
            return cached;
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        jdbc.sql("""
                        INSERT INTO personal_data_keys (subject, wrapped_key, created_at) VALUES (:subject, :key, now())
                        ON CONFLICT (subject) DO NOTHING""")
                .param("subject", subject).param("key", wrap(subject, key)).update();
        Held held = stored(subject).orElseThrow();
        afterCommit(() -> keys.put(subject, held));
        return held;
    }

    private Held keyForReading(String subject) {
        Held cached = keys.getIfPresent(subject);
        if (cached != null) {
            return cached;
        }
        // No key at all: nothing of theirs was ever sealed and kept, so nothing is there to reveal either.
        Held held = stored(subject).orElse(Held.ERASED);
        afterCommit(() -> keys.put(subject, held));
        return held;
    }

    private Optional<Held> stored(String subject) {
        return jdbc.sql("SELECT wrapped_key FROM personal_data_keys WHERE subject = :subject")
                .param("subject", subject)
                .query((row, index) -> {
                    byte[] wrapped = row.getBytes("wrapped_key");
                    return wrapped == null ? Held.ERASED : new Held(new SecretKeySpec(unwrap(subject, wrapped), "AES"));
                })
                .optional();
    }

    private byte[] wrap(String subject, byte[] key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] wrapped = crypt(Cipher.ENCRYPT_MODE, keyEncryptionKey, nonce, "key:" + subject, key);
        return ByteBuffer.allocate(nonce.length + wrapped.length).put(nonce).put(wrapped).array();
    }

    private byte[] unwrap(String subject, byte[] wrapped) {
        return crypt(Cipher.DECRYPT_MODE, keyEncryptionKey, Arrays.copyOfRange(wrapped, 0, NONCE_BYTES),
                "key:" + subject, Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length));
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, String associated, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data of " + associated + " could not be "
                    + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "revealed") + " (wrong key-encryption key?)", e);
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
