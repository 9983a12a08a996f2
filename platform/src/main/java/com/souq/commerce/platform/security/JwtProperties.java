package com.souq.commerce.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens are signed and checked, and, on the embedded default only, issued for trying the engine.
 *
 * @param secret          base64 HMAC-SHA256 key (≥ 32 bytes) of development tokens (HS256); tokens signed with it
 *                        are accepted only while it is set (the embedded default sets a well-known one)
 * @param issuer          the {@code iss} claim tokens must carry
 * @param devTokens       whether {@code POST /api/v1/dev/tokens} hands out tokens for any role (never in production)
 * @param devTokenTtl     lifetime of such a token
 * @param keys            RSA keys (RS256) that sign the access tokens of signed-in accounts, each with its key id
 *                        ({@code kid}); every listed key verifies, only the active one signs, so a key is rotated by
 *                        adding the new one, making it active, and removing the old one once its tokens expired
 * @param activeKey       id of the key that signs; the first listed when empty
 */
@ConfigurationProperties("souq.security.jwt")
public record JwtProperties(
        String secret,
        @DefaultValue("souq-engine") String issuer,
        @DefaultValue("false") boolean devTokens,
        @DefaultValue("8h") Duration devTokenTtl,
        List<Key> keys,
        String activeKey) {

    /**
     * One signing key.
     *
     * @param id         the {@code kid} in token headers and in the JWKS document
     * @param privateKey the RSA private key, PKCS#8, PEM or its bare base64 body
     */
    public record Key(String id, String privateKey) {
    }

    public List<Key> keys() {
        return keys == null ? List.of() : keys;
    }
}
