package com.souq.commerce.engine.account;

import static com.souq.commerce.engine.account.AccountSteps.OTHER_STRONG_PASSWORD;
import static com.souq.commerce.engine.account.AccountSteps.STRONG_PASSWORD;
import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.LocalMail;
import com.souq.commerce.engine.support.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The limits on sign-in, registration and reset (the defaults: 30 sign-ins per address per 5 minutes, 10 per email per
 * 15 minutes, 5 failures lock an email for 15 minutes, 10 registrations and resets per address per hour, 3 resets per
 * email per hour): each answers 429 with {@code Retry-After}, per client address and per account, and never tells
 * whether the account exists.
 */
@EngineIntegrationTest
class AbuseLimitsTest {

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
    void oneAddressSigningInTooOftenIsToldToWait() {
        AccountSteps attacker = steps.from(AccountSteps.randomAddress());
        for (int attempt = 1; attempt <= 30; attempt++) {
            assertProblem(attacker.signIn(AccountSteps.newEmail("guess"), "Wrong-Password-" + attempt), 401,
                    "INVALID_CREDENTIALS");
        }
        Api.Reply limited = attacker.signIn(AccountSteps.newEmail("guess"), "Wrong-Password-31");
        assertProblem(limited, 429, "TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 300L);
        // other addresses are not held up
        assertProblem(steps.from(AccountSteps.randomAddress()).signIn(AccountSteps.newEmail("guess"), "Wrong-1-Pass"),
                401, "INVALID_CREDENTIALS");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPasswordFromAnywhere() {
        String email = steps.verifiedCustomer("victim", "en");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(steps.from(AccountSteps.randomAddress()).signIn(email, "Wrong-Password-" + attempt), 401,
                    "INVALID_CREDENTIALS");
        }
        Api.Reply locked = steps.from(AccountSteps.randomAddress()).signIn(email, STRONG_PASSWORD);
        assertProblem(locked, 429, "ACCOUNT_LOCKED");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
    }

    @Test
    void anEmailWithoutAnAccountLocksTheSameWaySoLockingRevealsNothing() {
        String nobody = AccountSteps.newEmail("nobody");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(steps.from(AccountSteps.randomAddress()).signIn(nobody, "Wrong-Password-" + attempt), 401,
                    "INVALID_CREDENTIALS");
        }
        assertProblem(steps.from(AccountSteps.randomAddress()).signIn(nobody, OTHER_STRONG_PASSWORD), 429,
                "ACCOUNT_LOCKED");
    }

    @Test
    void oneAddressRegisteringTooOftenIsToldToWaitAndNothingIsWritten() {
        AccountSteps spammer = steps.from(AccountSteps.randomAddress());
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertProblem(spammer.register(AccountSteps.newEmail("bulk"), "too-weak", "en"), 422, "WEAK_PASSWORD");
        }
        String email = AccountSteps.newEmail("bulk");
        Api.Reply limited = problems.writesNothing(() -> spammer.register(email, STRONG_PASSWORD, "en"));
        assertProblem(limited, 429, "TOO_MANY_REQUESTS");
        assertThat(limited.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(jdbc.sql("SELECT count(*) FROM account_credentials WHERE email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void resetsPerAccountAreLimitedWhateverTheAddress() throws InterruptedException {
        String email = steps.verifiedCustomer("resetter", "en");
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(steps.from(AccountSteps.randomAddress()).requestReset(email).status()).isEqualTo(202);
        }
        Api.Reply limited = steps.from(AccountSteps.randomAddress()).requestReset(email);
        assertProblem(limited, 429, "TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        // the verification mail and three reset mails, not a fourth
        LocalMail.awaitMail(email, 4);
        Thread.sleep(500);
        assertThat(LocalMail.receivedBy(email)).hasSize(4);
    }
}
