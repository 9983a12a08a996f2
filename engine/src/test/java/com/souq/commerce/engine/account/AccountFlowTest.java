package com.souq.commerce.engine.account;

import static com.souq.commerce.engine.account.AccountSteps.OTHER_STRONG_PASSWORD;
import static com.souq.commerce.engine.account.AccountSteps.STRONG_PASSWORD;
import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.LocalMail;
import com.souq.commerce.engine.support.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A customer's account over HTTP: register, verify the email from the mail the SMTP server received, sign in, change
 * profile, addresses and password, reset a forgotten password; and the refusals: weak passwords, a taken email (the
 * same answer, a mail to the owner), used and expired tokens.
 */
@EngineIntegrationTest
class AccountFlowTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(15);

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
    void customerRegistersVerifiesTheMailedLinkAndSignsIn() {
        String email = AccountSteps.newEmail("mona");
        Api.Reply registered = steps.register(email, STRONG_PASSWORD, "en");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
        assertThat(registered.json().get("status").asString()).isEqualTo("VERIFICATION_MAIL_SENT");

        LocalMail.Mail mail = LocalMail.awaitMail(email, 1);
        assertThat(mail.subject()).isEqualTo("Confirm your email address");
        assertThat(mail.body()).contains("Hello Mona Adel").contains("verify-email?token=");

        assertProblem(problems.writesNothing(() -> steps.signIn(email, STRONG_PASSWORD)), 403, "EMAIL_NOT_VERIFIED");

        Api.Reply verified = steps.verify(mail.token());
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        String accountId = verified.json().get("accountId").asString();
        assertProblem(problems.writesNothing(() -> steps.verify(mail.token())), 422, "INVALID_TOKEN");

        Api.Reply tokens = steps.signedIn(email.toUpperCase(), STRONG_PASSWORD);
        assertThat(tokens.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.json().get("expiresIn").asLong()).isEqualTo(900);
        String access = tokens.json().get("accessToken").asString();

        JsonNode me = await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/accounts/me", access),
                reply -> reply.status() == 200 && reply.json().get("emailVerified").asBoolean()).json();
        assertThat(me.get("accountId").asString()).isEqualTo(accountId);
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("role").asString()).isEqualTo("CUSTOMER");
        assertThat(me.get("language").asString()).isEqualTo("en");

        String payloads = String.join("\n", jdbc.sql(
                        "SELECT payload::text FROM event_journal WHERE aggregate_id = :id")
                .param("id", accountId).query(String.class).list());
        // the email is sealed with the person's key in the store, and read back in the clear by an auditor
        assertThat(payloads).doesNotContain(email).contains("\"email\": \"pd1:" + accountId + ":")
                .doesNotContain(STRONG_PASSWORD).doesNotContain("argon2").doesNotContain("password_hash");
        JsonNode history = api.get("/api/v1/audit/aggregates/" + accountId + "/events",
                api.token("auditor-accounts", "AUDITOR")).json();
        assertThat(history.toString()).doesNotContain("pd1:");
        assertThat(history.findValues("email").stream().map(JsonNode::asString)).containsOnly(email);
        assertThat(jdbc.sql("SELECT password_hash FROM account_credentials WHERE account_id = CAST(:id AS uuid)")
                .param("id", accountId).query(String.class).single()).startsWith("{argon2}$argon2id$");
    }

    @Test
    void arabicSpeakersGetTheirMailsInArabic() {
        String email = AccountSteps.newEmail("fatima");
        assertThat(steps.register(email, STRONG_PASSWORD, "ar").status()).isEqualTo(202);
        LocalMail.Mail mail = LocalMail.awaitMail(email, 1);
        assertThat(mail.subject()).isEqualTo("تأكيد عنوان بريدك الإلكتروني");
        assertThat(mail.body()).contains("مرحبًا Mona Adel");
    }

    @Test
    void aTakenEmailGetsTheSameAnswerAndItsOwnerAMail() {
        String email = steps.verifiedCustomer("owner", "en");
        Api.Reply fresh = steps.register(AccountSteps.newEmail("stranger"), STRONG_PASSWORD, "en");

        Api.Reply again = problems.writesNothing(() -> steps.from(AccountSteps.randomAddress())
                .register(email.toUpperCase(), OTHER_STRONG_PASSWORD, "ar"));

        assertThat(again.status()).isEqualTo(fresh.status()).isEqualTo(202);
        assertThat(again.raw().body()).isEqualTo(fresh.raw().body());
        LocalMail.Mail notice = LocalMail.awaitMail(email, 2);
        assertThat(notice.subject()).isEqualTo("Someone tried to register with your email address");
        assertProblem(steps.signIn(email, OTHER_STRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
        steps.signedIn(email, STRONG_PASSWORD);
    }

    @Test
    void weakAndBreachedPasswordsAreRefusedWithoutAnyTrace() {
        String email = AccountSteps.newEmail("weak");
        List<String> refused = new ArrayList<>();
        for (String password : List.of("Sh0rt!", "P@ssw0rd2024!", "Qwerty123456", "aaaaaaaaaaaaaaaa1",
                "1234567890123", "Mona-" + email.substring(0, email.indexOf('@')) + "!")) {
            Api.Reply reply = problems.writesNothing(() -> steps.register(email, password, "en"));
            assertProblem(reply, 422, "WEAK_PASSWORD");
            assertThat(reply.raw().body()).doesNotContain(password);
            refused.add(password);
        }
        assertThat(refused).hasSize(6);
        assertThat(jdbc.sql("SELECT count(*) FROM account_credentials WHERE email = :email")
                .param("email", email).query(Long.class).single()).isZero();
        assertThat(LocalMail.receivedBy(email)).isEmpty();
    }

    @Test
    void customerChangesProfileAndAddresses() {
        String email = steps.verifiedCustomer("profile", "en");
        String access = steps.accessToken(email, STRONG_PASSWORD);

        Api.Reply profile = api.put("/api/v1/accounts/me/profile", access,
                Map.of("displayName", "Mona A. Adel", "phone", "+201001234567", "language", "ar"), Map.of());
        assertThat(profile.status()).as(profile.toString()).isEqualTo(202);
        Map<String, Object> home = Map.of("label", "home", "recipient", "Mona Adel", "phone", "+201001234567",
                "line1", "12 Baghdad St", "city", "Cairo", "postalCode", "11341", "country", "EG");
        Api.Reply addresses = api.put("/api/v1/accounts/me/addresses", access,
                Map.of("addresses", List.of(home)), Map.of());
        assertThat(addresses.status()).as(addresses.toString()).isEqualTo(202);

        JsonNode me = await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/accounts/me", access),
                reply -> reply.status() == 200 && reply.json().get("addresses").size() == 1).json();
        assertThat(me.get("displayName").asString()).isEqualTo("Mona A. Adel");
        assertThat(me.get("phone").asString()).isEqualTo("+201001234567");
        assertThat(me.get("language").asString()).isEqualTo("ar");
        assertThat(me.get("addresses").get(0).get("city").asString()).isEqualTo("Cairo");

        assertProblem(problems.writesNothing(() -> api.put("/api/v1/accounts/me/addresses", access,
                Map.of("addresses", java.util.Collections.nCopies(11, home)), Map.of())), 400, "VALIDATION_FAILED");
        // mails now come in the new language
        assertThat(steps.requestReset(email).status()).isEqualTo(202);
        assertThat(LocalMail.awaitMail(email, 2).subject()).isEqualTo("إعادة تعيين كلمة المرور");
    }

    @Test
    void aForgottenPasswordIsResetOnceThroughTheMailedLink() {
        String email = steps.verifiedCustomer("forgetful", "en");
        String refresh = steps.signedIn(email, STRONG_PASSWORD).json().get("refreshToken").asString();

        Api.Reply requested = steps.requestReset(email);
        Api.Reply unknown = steps.requestReset(AccountSteps.newEmail("nobody"));
        assertThat(requested.status()).isEqualTo(unknown.status()).isEqualTo(202);
        assertThat(requested.raw().body()).isEqualTo(unknown.raw().body());
        LocalMail.Mail mail = LocalMail.awaitMail(email, 2);
        assertThat(mail.subject()).isEqualTo("Reset your password");

        assertProblem(problems.writesNothing(() -> steps.confirmReset(mail.token(), "password123!")), 422,
                "WEAK_PASSWORD");
        Api.Reply reset = steps.confirmReset(mail.token(), OTHER_STRONG_PASSWORD);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertProblem(problems.writesNothing(() -> steps.confirmReset(mail.token(), "Another-Fine-Pass-77")), 422,
                "INVALID_TOKEN");

        assertProblem(steps.signIn(email, STRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
        steps.signedIn(email, OTHER_STRONG_PASSWORD);
        assertProblem(steps.refresh(refresh), 401, "INVALID_REFRESH_TOKEN");
    }

    @Test
    void anExpiredLinkVerifiesNothing() {
        String email = AccountSteps.newEmail("late");
        assertThat(steps.register(email, STRONG_PASSWORD, "en").status()).isEqualTo(202);
        String token = LocalMail.awaitMail(email, 1).token();
        // a day passes: the link's lifetime (24 h) is over
        jdbc.sql("""
                        UPDATE account_tokens SET expires_at = now() - interval '1 second'
                         WHERE account_id = (SELECT account_id FROM account_credentials WHERE email = :email)""")
                .param("email", email).update();

        assertProblem(problems.writesNothing(() -> steps.verify(token)), 422, "INVALID_TOKEN");
        assertProblem(steps.signIn(email, STRONG_PASSWORD), 403, "EMAIL_NOT_VERIFIED");
    }

    @Test
    void aSignedInCustomerChangesTheirPasswordGivingTheCurrentOne() {
        String email = steps.verifiedCustomer("changer", "en");
        Api.Reply first = steps.signedIn(email, STRONG_PASSWORD);
        String access = first.json().get("accessToken").asString();

        assertProblem(problems.writesNothing(() -> api.post("/api/v1/accounts/me/password", access,
                Map.of("currentPassword", "Not-The-Password-1", "newPassword", OTHER_STRONG_PASSWORD))), 403,
                "WRONG_PASSWORD");
        Api.Reply changed = api.post("/api/v1/accounts/me/password", access,
                Map.of("currentPassword", STRONG_PASSWORD, "newPassword", OTHER_STRONG_PASSWORD));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(202);

        assertProblem(steps.refresh(first.json().get("refreshToken").asString()), 401, "INVALID_REFRESH_TOKEN");
        steps.signedIn(email, OTHER_STRONG_PASSWORD);
    }

    @Test
    void aTokenOfNoAccountHasNoAccount() {
        String developer = api.token("dev-customer", "CUSTOMER");
        assertProblem(api.get("/api/v1/accounts/me", developer), 404, "NOT_FOUND");
        assertProblem(problems.writesNothing(() -> api.put("/api/v1/accounts/me/profile", developer,
                Map.of("displayName", "Dev", "language", "en"), Map.of())), 404, "NOT_FOUND");
    }
}
