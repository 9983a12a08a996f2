package com.souq.commerce.account.command;

import com.souq.commerce.account.api.AccountRole;
import com.souq.commerce.platform.security.JwtProperties;
import com.souq.commerce.platform.security.SigningKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;

/**
 * Signs an account's access token: the claims every endpoint reads today ({@code sub} = account id, {@code roles},
 * {@code vendorId} for vendor staff), our issuer, a short lifetime and a {@code jti}; RS256 with the active key.
 */
@Component
class AccessTokens {

    private final SigningKeys keys;
    private final JwtProperties jwt;
    private final AccountSettings settings;
    private final Clock clock;

    AccessTokens(SigningKeys keys, JwtProperties jwt, AccountSettings settings) {
        this.keys = keys;
        this.jwt = jwt;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    String issue(Credentials.Login login) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(jwt.issuer())
                .subject(login.accountId().value())
                .issuedAt(now)
                .expiresAt(now.plus(settings.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("roles", List.of(login.role().name()));
        if (login.role() == AccountRole.VENDOR && login.vendorId() != null) {
            claims.claim("vendorId", login.vendorId());
        }
        return keys.sign(claims.build());
    }
}
