package com.souq.commerce.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands out a signed access token for any subject and roles, so that the engine can be tried locally with curl.
 * Exists only where {@code souq.security.jwt.dev-tokens} is true: the embedded default profile. The compose and
 * production setups never enable it; real sign-in replaces it.
 */
@RestController
@ConditionalOnBooleanProperty("souq.security.jwt.dev-tokens")
@Tag(name = "development")
class DevTokenController {

    static final String PATH = "/api/v1/dev/tokens";

    private final JwtEncoder encoder;
    private final JwtProperties properties;
    private final Clock clock;

    DevTokenController(JwtProperties properties) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(
                SecurityConfiguration.signingKey(properties)));
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    record TokenRequest(
            @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._@:-]+") String subject,
            @NotEmpty @Size(max = 6) List<@NotNull Role> roles,
            @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") String vendorId) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    @PostMapping(PATH)
    @Operation(summary = "Issue a development access token (embedded default only)")
    ResponseEntity<TokenResponse> issue(@Valid @RequestBody TokenRequest request) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(request.subject())
                .issuedAt(now)
                .expiresAt(now.plus(properties.devTokenTtl()))
                .claim(SecurityConfiguration.ROLES_CLAIM, request.roles().stream().map(Role::name).distinct().toList());
        if (request.vendorId() != null) {
            claims.claim(Actor.VENDOR_CLAIM, request.vendorId());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return ResponseEntity.ok(new TokenResponse(token, "Bearer", properties.devTokenTtl().toSeconds()));
    }
}
