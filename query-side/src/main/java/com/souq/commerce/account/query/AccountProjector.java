package com.souq.commerce.account.query;

import com.souq.commerce.account.api.AccountErasedEvent;
import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.account.api.AddressesChangedEvent;
import com.souq.commerce.account.api.CustomerRegisteredEvent;
import com.souq.commerce.account.api.EmailVerifiedEvent;
import com.souq.commerce.account.api.PasswordChangedEvent;
import com.souq.commerce.account.api.PostalAddress;
import com.souq.commerce.account.api.ProfileChangedEvent;
import com.souq.commerce.account.api.StaffAccountCreatedEvent;
import com.souq.commerce.operations.rebuild.ReadModelTables;
import com.souq.commerce.platform.privacy.PersonalDataVault;
import com.souq.commerce.shared.privacy.PersonalData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the {@code accounts} table. Every write names the event's sequence number and applies only if the row has
 * not seen it yet, so a redelivered or replayed event changes nothing. An erased person's row keeps its ids, role and
 * dates; their email, name, phone and addresses read {@value PersonalData#ERASED}, as a rebuild from the events writes
 * them once the person's key is gone.
 */
@Component
@ReadModelTables({"accounts"})
@ProcessingGroup(AccountProjector.PROCESSING_GROUP)
class AccountProjector {

    static final String PROCESSING_GROUP = "accounts";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AccountProjector(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CustomerRegisteredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        insert(event.accountId(), event.email(), event.displayName(), event.language().code(), "CUSTOMER", null, null,
                version, at);
    }

    @EventHandler
    void on(StaffAccountCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        insert(event.accountId(), event.email(), event.displayName(), event.language().code(), event.role().name(),
                event.vendorId() == null ? null : UUID.fromString(event.vendorId().value()), event.createdBy(),
                version, at);
    }

    @EventHandler
    void on(EmailVerifiedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.accountId(), "email_verified = true, verified_at = :at", version, at, Map.of());
    }

    @EventHandler
    void on(PasswordChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.accountId(), "password_changed_at = :at", version, at, Map.of());
    }

    @EventHandler
    void on(ProfileChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE accounts SET display_name = :name, phone = :phone, language = :language,
                                            updated_at = :at, version = :version
                         WHERE account_id = :id AND version < :version""")
                .param("name", event.displayName()).param("phone", event.phone())
                .param("language", event.language().code()).param("at", utc(at)).param("version", version)
                .param("id", uuid(event.accountId())).update();
    }

    @EventHandler
    void on(AddressesChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.accountId(), "addresses = CAST(:value AS jsonb)", version, at,
                Map.of("value", json.writeValueAsString(event.addresses())));
    }

    @EventHandler
    void on(AccountErasedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.accountId(), """
                        email = :erased, display_name = :erased,
                        phone = CASE WHEN phone IS NULL THEN NULL ELSE :erased END,
                        addresses = erase_personal_texts(addresses, string_to_array(:texts, ',')), erased_at = :at""", version, at,
                Map.of("erased", PersonalData.ERASED, "texts", PersonalDataVault.personalTextsOf(PostalAddress.class)));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM accounts").update();
    }

    private void insert(AccountId accountId, String email, String displayName, String language, String role,
                        UUID vendorId, String createdBy, long version, Instant at) {
        jdbc.sql("""
                        INSERT INTO accounts (account_id, email, display_name, language, role, vendor_id, created_by,
                                              created_at, updated_at, version)
                        VALUES (:id, :email, :name, :language, :role, :vendor, :createdBy, :at, :at, :version)
                        ON CONFLICT (account_id) DO NOTHING""")
                .param("id", uuid(accountId)).param("email", email).param("name", displayName)
                .param("language", language).param("role", role).param("vendor", vendorId)
                .param("createdBy", createdBy).param("at", utc(at)).param("version", version).update();
    }

    private void update(AccountId accountId, String assignments, long version, Instant at,
                        Map<String, Object> values) {
        jdbc.sql("UPDATE accounts SET " + assignments
                        + ", updated_at = :at, version = :version WHERE account_id = :id AND version < :version")
                .params(values).param("at", utc(at)).param("version", version).param("id", uuid(accountId))
                .update();
    }

    private static UUID uuid(AccountId accountId) {
        return UUID.fromString(accountId.value());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
