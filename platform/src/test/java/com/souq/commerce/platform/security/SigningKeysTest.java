package com.souq.commerce.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtException;

/** Key rotation: the active key signs, every listed key verifies, a removed key's tokens die. */
class SigningKeysTest {

    private static final String OLD = TestKeys.pkcs8();
    private static final String NEW = TestKeys.pkcs8();

    @Test
    void tokensOfTheRetiredKeyStayValidUntilItIsRemoved() {
        SigningKeys before = keys(List.of(new JwtProperties.Key("2026-01", OLD)), null);
        String oldToken = before.sign(claims());

        SigningKeys rotated = keys(List.of(new JwtProperties.Key("2026-01", OLD),
                new JwtProperties.Key("2026-07", NEW)), "2026-07");
        assertThat(rotated.activeKeyId()).isEqualTo("2026-07");
        assertThat(rotated.decoder().decode(oldToken).getSubject()).isEqualTo("account-1");
        String newToken = rotated.sign(claims());
        assertThat(rotated.decoder().decode(newToken).getHeaders()).containsEntry("kid", "2026-07");
        assertThat(keysOf(rotated.publicJwks())).hasSize(2);

        SigningKeys retired = keys(List.of(new JwtProperties.Key("2026-07", NEW)), null);
        assertThat(retired.decoder().decode(newToken).getSubject()).isEqualTo("account-1");
        assertThatThrownBy(() -> retired.decoder().decode(oldToken)).isInstanceOf(JwtException.class);
    }

    @Test
    void theJwksHoldsNoPrivatePart() {
        Map<String, Object> jwks = keys(List.of(new JwtProperties.Key("k", OLD)), null).publicJwks();
        assertThat(keysOf(jwks).getFirst()).containsKeys("kty", "n", "e", "kid").doesNotContainKeys("d", "p", "q");
    }

    @Test
    void anActiveKeyThatIsNotListedIsAConfigurationError() {
        assertThatThrownBy(() -> keys(List.of(new JwtProperties.Key("k", OLD)), "other"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys(List.of(new JwtProperties.Key("k", "not a key")), null))
                .isInstanceOf(IllegalStateException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> keysOf(Map<String, Object> jwks) {
        return (List<Map<String, Object>>) jwks.get("keys");
    }

    private static SigningKeys keys(List<JwtProperties.Key> keys, String active) {
        return SigningKeys.from(new JwtProperties(null, "souq-engine", false, Duration.ofHours(1), keys, active));
    }

    private static JwtClaimsSet claims() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().subject("account-1").issuer("souq-engine").issuedAt(now)
                .expiresAt(now.plusSeconds(60)).build();
    }
}
