package com.souq.commerce.account.command;

import com.souq.commerce.account.api.AccountId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use, expiring tokens mailed to a person (email verification, password reset, staff invitation). The token
 * is 256 random bits; only its SHA-256 is stored, so a leaked table verifies nothing. Using one is one conditional
 * update: a second use, an expired one, or one of another purpose finds nothing.
 */
@Repository
class OneTimeTokens {

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    OneTimeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** A new token for the account; answers the token itself, which exists nowhere else but in the mail. */
    String issue(AccountId accountId, Purpose purpose, Duration lifetime) {
        String token = randomToken();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO account_tokens (token_hash, account_id, purpose, created_at, expires_at)
                        VALUES (:hash, :account, :purpose, :now, :expires)""")
                .param("hash", sha256(token)).param("account", UUID.fromString(accountId.value()))
                .param("purpose", purpose.name()).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(lifetime))).update();
        return token;
    }

    /** Uses the token once: the account it was issued to, if it is unused, unexpired and of this purpose. */
    Optional<AccountId> use(String token, Purpose purpose) {
        return jdbc.sql("""
                        UPDATE account_tokens SET used_at = :now
                         WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                        RETURNING account_id""")
                .param("hash", sha256(token)).param("purpose", purpose.name())
                .param("now", Timestamp.from(clock.instant()))
                .query((row, index) -> AccountId.of(row.getString(1))).optional();
    }

    /** Voids every unused token of this purpose the account holds (a new password voids older reset links). */
    void voidAll(AccountId accountId, Purpose purpose) {
        jdbc.sql("""
                        UPDATE account_tokens SET used_at = :now
                         WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("account", UUID.fromString(accountId.value()))
                .param("purpose", purpose.name()).update();
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
