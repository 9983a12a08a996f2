package com.souq.commerce.account.command;

import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.account.api.Language;
import com.souq.commerce.shared.privacy.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The transactional outbox of mails (table {@code mail_outbox}): a mail is rendered and written in the transaction
 * that decided it, and {@link MailRelay} sends it later over SMTP, retrying until it is accepted. A mail with a
 * {@code dedupKey} already written is not written again, so a redelivered event mails once.
 */
@Repository
class MailOutbox {

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, MailTemplates templates) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.clock = Clock.systemUTC();
    }

    void enqueue(String dedupKey, AccountId accountId, String recipient, String template, Language language,
                 Map<String, String> values) {
        MailTemplates.Rendered mail = templates.render(template, language, values);
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO mail_outbox (mail_id, dedup_key, account_id, recipient, template, language, subject,
                                                 body, created_at, next_attempt_at)
                        VALUES (:id, :dedup, :account, :recipient, :template, :language, :subject, :body, :now, :now)
                        ON CONFLICT (dedup_key) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("dedup", dedupKey)
                .param("account", accountId == null ? null : UUID.fromString(accountId.value()))
                .param("recipient", recipient).param("template", template).param("language", language.code())
                .param("subject", mail.subject()).param("body", mail.body()).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Blanks the mails of an erased person: recipient, subject and body go, a mail not yet sent never will be; the
     * row stays so that a mail already decided (its dedup key) is not decided again.
     */
    void forget(AccountId accountId) {
        jdbc.sql("""
                        UPDATE mail_outbox SET recipient = :erased, subject = :erased, body = NULL,
                                               sent_at = coalesce(sent_at, now()),
                                               last_error = CASE WHEN sent_at IS NULL THEN 'not sent: erased'
                                                                 ELSE last_error END
                         WHERE account_id = :account""")
                .param("erased", PersonalData.ERASED).param("account", UUID.fromString(accountId.value())).update();
    }
}
