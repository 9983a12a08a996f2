package com.souq.commerce.account.command;

import com.souq.commerce.account.api.AccountId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotating refresh tokens (table {@code refresh_tokens}, SHA-256 only). A sign-in starts a family; each refresh uses
 * the presented token once and issues the next of the same family. A token presented after it was used means two
 * parties hold the family (one of them a thief): the whole family is revoked, so both must sign in again.
 */
@Repository
class RefreshTokens {

    /** The outcome of presenting a refresh token. */
    sealed interface Rotation {
        record Rotated(AccountId accountId, String nextToken) implements Rotation {
        }

        record Reused(AccountId accountId) implements Rotation {
        }

        record Invalid() implements Rotation {
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** The first token of a new family (a sign-in). */
    String startFamily(AccountId accountId, Duration lifetime) {
        return issue(accountId, UUID.randomUUID(), lifetime);
    }

    @Transactional
    Rotation rotate(String token, Duration lifetime) {
        Instant now = clock.instant();
        byte[] hash = OneTimeTokens.sha256(token);
        Optional<Family> used = jdbc.sql("""
                        UPDATE refresh_tokens SET used_at = :now
                         WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        RETURNING account_id, family_id""")
                .param("now", Timestamp.from(now)).param("hash", hash)
                .query((row, index) -> new Family(AccountId.of(row.getString(1)),
                        UUID.fromString(row.getString(2)))).optional();
        if (used.isPresent()) {
            return new Rotation.Rotated(used.get().accountId(),
                    issue(used.get().accountId(), used.get().familyId(), lifetime));
        }
        Optional<Family> spent = jdbc.sql("""
                        SELECT account_id, family_id FROM refresh_tokens
                         WHERE token_hash = :hash AND used_at IS NOT NULL""")
                .param("hash", hash)
                .query((row, index) -> new Family(AccountId.of(row.getString(1)),
                        UUID.fromString(row.getString(2)))).optional();
        if (spent.isPresent()) {
            revokeFamily(spent.get().familyId(), "REUSED");
            return new Rotation.Reused(spent.get().accountId());
        }
        return new Rotation.Invalid();
    }

    /** Revokes the family of the token (sign-out); false if the token is unknown. */
    boolean revokeFamilyOf(String token, String reason) {
        Optional<UUID> family = jdbc.sql("SELECT family_id FROM refresh_tokens WHERE token_hash = :hash")
                .param("hash", OneTimeTokens.sha256(token))
                .query((row, index) -> UUID.fromString(row.getString(1))).optional();
        family.ifPresent(id -> revokeFamily(id, reason));
        return family.isPresent();
    }

    /** Revokes every family of the account (its password changed). */
    void revokeAll(AccountId accountId, String reason) {
        jdbc.sql("""
                        UPDATE refresh_tokens SET revoked_at = :now, revoked_reason = :reason
                         WHERE account_id = :account AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("reason", reason)
                .param("account", UUID.fromString(accountId.value())).update();
    }

    private void revokeFamily(UUID familyId, String reason) {
        jdbc.sql("""
                        UPDATE refresh_tokens SET revoked_at = :now, revoked_reason = :reason
                         WHERE family_id = :family AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("reason", reason).param("family", familyId)
                .update();
    }

    private String issue(AccountId accountId, UUID familyId, Duration lifetime) {
        String token = OneTimeTokens.randomToken();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO refresh_tokens (token_hash, family_id, account_id, issued_at, expires_at)
                        VALUES (:hash, :family, :account, :now, :expires)""")
                .param("hash", OneTimeTokens.sha256(token)).param("family", familyId)
                .param("account", UUID.fromString(accountId.value())).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(lifetime))).update();
        return token;
    }

    private record Family(AccountId accountId, UUID familyId) {
    }
}
