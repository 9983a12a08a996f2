package com.souq.commerce.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** A token is verified once, but its lifetime is checked on every use, and nothing else rides on the memory of it. */
class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final SigningKeys keys = SigningKeys.from(new JwtProperties(null, "souq-engine", false,
            Duration.ofHours(1), List.of(new JwtProperties.Key("k", TestKeys.pkcs8())), null));
    private final AtomicReference<Instant> now = new AtomicReference<>(ISSUED);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder tokens = tokens();

    @Test
    void aTokenIsVerifiedOnceAndRefusedOnceItExpired() {
        String token = keys.sign(claims(ISSUED.plusSeconds(60)));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("account-1");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("account-1");
        assertThat(verifications).hasValue(1);

        now.set(ISSUED.plusSeconds(61));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsStillRefused() {
        String token = keys.sign(claims(ISSUED.plusSeconds(60)));
        tokens.decode(token);
        String tampered = token.substring(0, token.length() - 4)
                + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(3);
    }

    private JwtDecoder tokens() {
        JwtTimestampValidator lifetime = new JwtTimestampValidator(Duration.ZERO);
        lifetime.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        NimbusJwtDecoder signatures = (NimbusJwtDecoder) keys.decoder();
        signatures.setJwtValidator(lifetime);
        return new VerifiedTokens(token -> {
            verifications.incrementAndGet();
            return signatures.decode(token);
        }, lifetime, 100);
    }

    private static JwtClaimsSet claims(Instant expiresAt) {
        return JwtClaimsSet.builder().subject("account-1").issuer("souq-engine").issuedAt(ISSUED)
                .expiresAt(expiresAt).build();
    }
}
