package com.souq.commerce.account.command;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay sends mail (the SMTP server itself is {@code spring.mail.host}, {@code spring.mail.port}, …).
 *
 * @param from          the sender address
 * @param relayInterval how often the relay looks for mails to send
 * @param maxAttempts   attempts per mail before it is left unsent (its {@code last_error} says why)
 */
@ConfigurationProperties("souq.mail")
public record MailSettings(
        @DefaultValue("Souq <no-reply@souq.example>") String from,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("10") int maxAttempts) {
}
