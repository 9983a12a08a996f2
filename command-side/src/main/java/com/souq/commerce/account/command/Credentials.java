package com.souq.commerce.account.command;

import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.account.api.AccountRole;
import com.souq.commerce.account.api.Language;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How each account signs in (table {@code account_credentials}): its unique lower-cased email, password hash, role,
 * vendor and language. The row is claimed before the account's first event, so two registrations of one email race
 * on the unique constraint, not on a read.
 */
@Repository
class Credentials {

    record Login(AccountId accountId, String email, String displayName, String passwordHash, AccountRole role,
                 String vendorId,
                 Language language, boolean emailVerified) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Credentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Claims the email for a new account; false if another account holds it. */
    boolean claim(AccountId accountId, String email, String displayName, String passwordHash, AccountRole role,
                  String vendorId, Language language) {
        Instant now = clock.instant();
        try {
            return jdbc.sql("""
                            INSERT INTO account_credentials (account_id, email, display_name, password_hash, role,
                                                             vendor_id, language, created_at, updated_at)
                            VALUES (:id, :email, :name, :hash, :role, :vendor, :language, :now, :now)
                            ON CONFLICT (email) DO NOTHING""")
                    .param("id", UUID.fromString(accountId.value())).param("email", normalize(email))
                    .param("name", displayName)
                    .param("hash", passwordHash).param("role", role.name())
                    .param("vendor", vendorId == null ? null : UUID.fromString(vendorId))
                    .param("language", language.code()).param("now", java.sql.Timestamp.from(now))
                    .update() == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    void release(AccountId accountId) {
        jdbc.sql("DELETE FROM account_credentials WHERE account_id = :id")
                .param("id", UUID.fromString(accountId.value())).update();
    }

    Optional<Login> byEmail(String email) {
        return jdbc.sql("SELECT * FROM account_credentials WHERE email = :email")
                .param("email", normalize(email)).query(Credentials::login).optional();
    }

    Optional<Login> byId(AccountId accountId) {
        return jdbc.sql("SELECT * FROM account_credentials WHERE account_id = :id")
                .param("id", UUID.fromString(accountId.value())).query(Credentials::login).optional();
    }

    void changePassword(AccountId accountId, String passwordHash) {
        jdbc.sql("UPDATE account_credentials SET password_hash = :hash, updated_at = :now WHERE account_id = :id")
                .param("hash", passwordHash).param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", UUID.fromString(accountId.value())).update();
    }

    void markVerified(AccountId accountId) {
        jdbc.sql("UPDATE account_credentials SET email_verified = true, updated_at = :now WHERE account_id = :id")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", UUID.fromString(accountId.value())).update();
    }

    void changeProfile(AccountId accountId, String displayName, Language language) {
        jdbc.sql("""
                        UPDATE account_credentials SET display_name = :name, language = :language, updated_at = :now
                         WHERE account_id = :id""")
                .param("name", displayName).param("language", language.code())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", UUID.fromString(accountId.value())).update();
    }

    private static Login login(java.sql.ResultSet row, int index) throws java.sql.SQLException {
        return new Login(AccountId.of(row.getString("account_id")), row.getString("email"),
                row.getString("display_name"),
                row.getString("password_hash"), AccountRole.valueOf(row.getString("role")),
                row.getString("vendor_id"), Language.of(row.getString("language")),
                row.getBoolean("email_verified"));
    }
}
