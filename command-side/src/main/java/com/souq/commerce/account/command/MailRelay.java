package com.souq.commerce.account.command;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due mails over SMTP, a few at a time: rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances share the work and never send one mail twice. A mail the server accepted is marked sent and its
 * body (which may carry a token) is cleared; a refused one is retried later with a growing delay, up to
 * {@code souq.mail.max-attempts}. Without an SMTP server ({@code spring.mail.host} unset) mails wait in the outbox.
 */
@Component
class MailRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> senders;
    private final MailSettings settings;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;

    MailRelay(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> senders,
              MailSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.senders = senders;
        this.settings = settings;
    }

    private record Due(UUID mailId, String recipient, String subject, String body, int attempts) {
    }

    /** Sends what is due now; answers how many mails the server accepted. */
    int relayDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Integer sent = transactions.execute(status -> {
            List<Due> due = jdbc.sql("""
                            SELECT mail_id, recipient, subject, body, attempts FROM mail_outbox
                             WHERE sent_at IS NULL AND next_attempt_at <= :now AND attempts < :max
                             ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED""")
                    .param("now", Timestamp.from(clock.instant())).param("max", settings.maxAttempts())
                    .param("batch", BATCH)
                    .query((row, index) -> new Due(UUID.fromString(row.getString(1)), row.getString(2),
                            row.getString(3), row.getString(4), row.getInt(5))).list();
            int accepted = 0;
            for (Due mail : due) {
                accepted += send(sender, mail) ? 1 : 0;
            }
            return accepted;
        });
        return sent == null ? 0 : sent;
    }

    private boolean send(JavaMailSender sender, Due mail) {
        Instant now = clock.instant();
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(settings.from(), true));
            helper.setTo(new InternetAddress(mail.recipient(), true));
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
            sender.send(message);
            jdbc.sql("""
                            UPDATE mail_outbox SET sent_at = :now, body = NULL, attempts = attempts + 1,
                                                   last_error = NULL WHERE mail_id = :id""")
                    .param("now", Timestamp.from(now)).param("id", mail.mailId()).update();
            return true;
        } catch (Exception refused) {
            long delaySeconds = Math.min(3600, 5L << Math.min(mail.attempts(), 10));
            String error = String.valueOf(refused.getMessage());
            log.warn("Mail {} not sent (attempt {}): {}", mail.mailId(), mail.attempts() + 1, error);
            jdbc.sql("""
                            UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error,
                                                   next_attempt_at = :next WHERE mail_id = :id""")
                    .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                    .param("next", Timestamp.from(now.plus(Duration.ofSeconds(delaySeconds))))
                    .param("id", mail.mailId()).update();
            return false;
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mail-relay").daemon()
                .factory());
        long interval = Math.max(50, settings.relayInterval().toMillis());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                relayDue();
            } catch (RuntimeException e) {
                log.warn("Mail relay failed; retrying in {} ms", interval, e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
