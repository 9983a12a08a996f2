package com.souq.commerce.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.LocalMail;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Account flows over HTTP as a storefront drives them, each request from a client address of its own choosing
 * ({@code X-Forwarded-For}, which the engine believes from this host only), so that one test's attempts never count
 * against another's limits.
 */
final class AccountSteps {

    static final String STRONG_PASSWORD = "Violet-Harbour-93-Kettle";
    static final String OTHER_STRONG_PASSWORD = "Copper*Lantern*Meadow*41";

    private final Api api;
    private final String address;

    AccountSteps(Api api) {
        this(api, randomAddress());
    }

    AccountSteps(Api api, String address) {
        this.api = api;
        this.address = address;
    }

    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static String newEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.example";
    }

    AccountSteps from(String otherAddress) {
        return new AccountSteps(api, otherAddress);
    }

    Map<String, String> client() {
        return Map.of("X-Forwarded-For", address);
    }

    Api.Reply register(String email, String password, String language) {
        return api.post("/api/v1/auth/registrations", null, Map.of("email", email, "password", password,
                "displayName", "Mona Adel", "language", language), client());
    }

    Api.Reply verify(String token) {
        return api.post("/api/v1/auth/email-verification", null, Map.of("token", token), client());
    }

    Api.Reply signIn(String email, String password) {
        return api.post("/api/v1/auth/sign-in", null, Map.of("email", email, "password", password), client());
    }

    Api.Reply refresh(String refreshToken) {
        return api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", refreshToken), client());
    }

    Api.Reply signOut(String refreshToken) {
        return api.post("/api/v1/auth/sign-out", null, Map.of("refreshToken", refreshToken), client());
    }

    Api.Reply requestReset(String email) {
        return api.post("/api/v1/auth/password-reset", null, Map.of("email", email), client());
    }

    Api.Reply confirmReset(String token, String newPassword) {
        return api.post("/api/v1/auth/password-reset/confirmation", null,
                Map.of("token", token, "newPassword", newPassword), client());
    }

    /** A customer who registered and verified their email; answers the email. */
    String verifiedCustomer(String name, String language) {
        String email = newEmail(name);
        Api.Reply registered = register(email, STRONG_PASSWORD, language);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
        Api.Reply verified = verify(LocalMail.awaitMail(email, 1).token());
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return email;
    }

    /** Signs in (expecting success); answers the token response. */
    Api.Reply signedIn(String email, String password) {
        Api.Reply tokens = signIn(email, password);
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        return tokens;
    }

    String accessToken(String email, String password) {
        return signedIn(email, password).json().get("accessToken").asString();
    }
}
