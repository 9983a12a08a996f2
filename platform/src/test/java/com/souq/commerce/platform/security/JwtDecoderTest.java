package com.souq.commerce.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** The engine's decoder: our issuer, as the plain text it is, and nothing else. */
class JwtDecoderTest {

    private static final JwtProperties PROPERTIES = new JwtProperties(null, "souq-engine", false, Duration.ofHours(1),
            List.of(new JwtProperties.Key("k", TestKeys.pkcs8())), null);
    private static final SigningKeys KEYS = SigningKeys.from(PROPERTIES);
    private static final JwtDecoder DECODER = new SecurityConfiguration().jwtDecoder(PROPERTIES, KEYS);

    @Test
    void ourIssuerIsReadAsText() {
        assertThat(DECODER.decode(KEYS.sign(claims("souq-engine"))).getClaims())
                .containsEntry(JwtClaimNames.ISS, "souq-engine")
                .containsEntry(JwtClaimNames.SUB, "account-1");
    }

    @Test
    void anotherIssuerIsRefused() {
        assertThatThrownBy(() -> DECODER.decode(KEYS.sign(claims("https://elsewhere.example"))))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> DECODER.decode(KEYS.sign(claims("souq-engine-2"))))
                .isInstanceOf(JwtException.class);
    }

    private static JwtClaimsSet claims(String issuer) {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().subject("account-1").issuer(issuer).issuedAt(now)
                .expiresAt(now.plusSeconds(60)).build();
    }
}
