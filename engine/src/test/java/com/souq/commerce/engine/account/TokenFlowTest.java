package com.souq.commerce.engine.account;

import static com.souq.commerce.engine.account.AccountSteps.STRONG_PASSWORD;
import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed access tokens and rotating refresh tokens over HTTP: what sign-in hands out and the engine accepts, the
 * public keys, rotation, reuse of a spent refresh token revoking the whole sign-in, and sign-out.
 */
@EngineIntegrationTest
class TokenFlowTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    AccountSteps steps;
    Problems problems;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        steps = new AccountSteps(api);
        problems = new Problems(jdbc);
    }

    @Test
    void signInHandsOutAnRs256TokenWithTheClaimsTheEngineReadsAndTheEngineAcceptsIt() {
        String email = steps.verifiedCustomer("token", "en");
        String access = steps.accessToken(email, STRONG_PASSWORD);

        JsonNode header = part(access, 0);
        JsonNode claims = part(access, 1);
        JsonNode jwks = api.get("/.well-known/jwks.json", null).json();
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(jwks.get("keys").valueStream().map(key -> key.get("kid").asString()))
                .contains(header.get("kid").asString());
        assertThat(jwks.get("keys").valueStream().filter(key -> key.has("d") || key.has("p"))).isEmpty();
        assertThat(claims.get("iss").asString()).isEqualTo("souq-engine");
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("CUSTOMER");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        assertThat(claims.has("vendorId")).isFalse();

        Api.Reply cart = api.get("/api/v1/cart", access);
        assertThat(cart.status()).as(cart.toString()).isEqualTo(200);
        assertThat(claims.get("sub").asString()).isEqualTo(jdbc.sql(
                "SELECT account_id::text FROM account_credentials WHERE email = :email")
                .param("email", email).query(String.class).single());
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderOurKeyIdIsRefused() throws Exception {
        String email = steps.verifiedCustomer("forger", "en");
        String access = steps.accessToken(email, STRONG_PASSWORD);
        String[] parts = access.split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign((RSAPrivateKey) generator.generateKeyPair().getPrivate());
        String adminClaims = base64(JSON.writeValueAsString(((tools.jackson.databind.node.ObjectNode) part(access, 1))
                .putArray("roles").add("ADMIN")));
        signer.update((parts[0] + "." + adminClaims).getBytes(StandardCharsets.US_ASCII));
        String forged = parts[0] + "." + adminClaims + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());

        assertProblem(api.get("/api/v1/cart", forged), 401, "UNAUTHENTICATED");
        assertProblem(api.get("/api/v1/cart", parts[0] + "." + adminClaims + "." + parts[2]), 401,
                "UNAUTHENTICATED");
    }

    @Test
    void refreshRotatesAndReusingASpentTokenRevokesTheWholeSignIn() {
        String email = steps.verifiedCustomer("rotor", "en");
        String first = steps.signedIn(email, STRONG_PASSWORD).json().get("refreshToken").asString();

        Api.Reply rotated = steps.refresh(first);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.json().get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get("/api/v1/cart", rotated.json().get("accessToken").asString()).status()).isEqualTo(200);
        String third = steps.refresh(second).json().get("refreshToken").asString();

        // a thief replays the first token: the family is revoked, so the legitimate holder's newest token dies too
        assertProblem(problems.writesNothing(() -> steps.refresh(first)), 401, "REFRESH_TOKEN_REUSED");
        assertProblem(steps.refresh(third), 401, "INVALID_REFRESH_TOKEN");
        assertProblem(steps.refresh(second), 401, "REFRESH_TOKEN_REUSED");

        // another sign-in is a family of its own, untouched
        String other = steps.signedIn(email, STRONG_PASSWORD).json().get("refreshToken").asString();
        assertThat(steps.refresh(other).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens JOIN account_credentials USING (account_id)"
                        + " WHERE email = :email AND revoked_reason = 'REUSED'")
                .param("email", email).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void signOutRevokesTheSignIn() {
        String email = steps.verifiedCustomer("leaver", "en");
        String refresh = steps.signedIn(email, STRONG_PASSWORD).json().get("refreshToken").asString();
        String rotated = steps.refresh(refresh).json().get("refreshToken").asString();

        Api.Reply out = steps.signOut(rotated);
        assertThat(out.status()).as(out.toString()).isEqualTo(204);
        assertProblem(steps.refresh(rotated), 401, "INVALID_REFRESH_TOKEN");
        // an unknown token signs out nothing and says nothing
        assertThat(steps.signOut("A".repeat(43)).status()).isEqualTo(204);
    }

    @Test
    void malformedAndUnknownRefreshTokensAreRefused() {
        assertProblem(problems.writesNothing(() -> steps.refresh("B".repeat(43))), 401, "INVALID_REFRESH_TOKEN");
        assertProblem(problems.writesNothing(() -> steps.refresh("not a token")), 400, "VALIDATION_FAILED");
    }

    @Test
    void theSigningKeysArePublic() {
        Api.Reply jwks = api.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        JsonNode key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("use").asString()).isEqualTo("sig");
        assertThat(key.get("alg").asString()).isEqualTo("RS256");
        assertThat(key.has("n")).isTrue();
    }

    private static JsonNode part(String token, int index) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]),
                StandardCharsets.UTF_8));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
