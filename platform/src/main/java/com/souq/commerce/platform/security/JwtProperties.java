package com.souq.commerce.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens are checked and, on the embedded default only, issued for trying the engine.
 *
 * @param secret          base64 HMAC-SHA256 key of at least 32 bytes that signs and verifies access tokens
 * @param issuer          the {@code iss} claim tokens must carry
 * @param devTokens       whether {@code POST /api/v1/dev/tokens} hands out tokens for any role (never in production)
 * @param devTokenTtl     lifetime of such a token
 */
@ConfigurationProperties("souq.security.jwt")
public record JwtProperties(
        String secret,
        @DefaultValue("souq-engine") String issuer,
        @DefaultValue("false") boolean devTokens,
        @DefaultValue("8h") Duration devTokenTtl) {
}
