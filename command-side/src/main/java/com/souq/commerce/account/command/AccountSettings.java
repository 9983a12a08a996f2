package com.souq.commerce.account.command;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetimes of the account's tokens and the links its mails carry.
 *
 * @param accessTokenTtl       lifetime of a signed access token (JWT)
 * @param refreshTokenTtl      lifetime of a refresh token (each refresh issues a new one with a fresh lifetime)
 * @param verificationTokenTtl lifetime of a mailed email-verification token
 * @param resetTokenTtl        lifetime of a mailed password-reset token
 * @param invitationTokenTtl   lifetime of the token mailed to new staff to set their first password
 * @param verifyEmailLink      the storefront page that verifies an email; {@code {token}} is replaced by the token
 * @param resetPasswordLink    the storefront page that sets a new password; {@code {token}} is replaced likewise
 * @param bootstrapAdminEmail  an administrator account created at startup when no account has this email; its
 *                             person sets a password through the invitation mailed to it (none when empty)
 */
@ConfigurationProperties("souq.accounts")
public record AccountSettings(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("24h") Duration verificationTokenTtl,
        @DefaultValue("1h") Duration resetTokenTtl,
        @DefaultValue("7d") Duration invitationTokenTtl,
        @DefaultValue("http://localhost:8080/verify-email?token={token}") String verifyEmailLink,
        @DefaultValue("http://localhost:8080/reset-password?token={token}") String resetPasswordLink,
        String bootstrapAdminEmail) {
}
