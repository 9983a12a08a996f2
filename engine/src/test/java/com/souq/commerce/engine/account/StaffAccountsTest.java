package com.souq.commerce.engine.account;

import static com.souq.commerce.engine.account.AccountSteps.STRONG_PASSWORD;
import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.LocalMail;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.engine.support.RealInfrastructure;
import com.souq.commerce.engine.support.Vendors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff accounts over HTTP: an administrator creates support, audit and analysis staff; administrators and a
 * vendor's own staff create that vendor's staff, whose tokens act for that vendor only. Each person sets their
 * password through the invitation the SMTP server received.
 */
@EngineIntegrationTest
class StaffAccountsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> FLAT_FEE =
            Map.of("flatFee", Map.of("minorUnits", 5000, "currency", "EGP"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    AccountSteps steps;
    Problems problems;
    Vendors vendors;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        steps = new AccountSteps(api);
        problems = new Problems(jdbc);
        vendors = new Vendors(api);
        admin = api.token("admin-staff", "ADMIN");
    }

    @Test
    void anAdministratorCreatesSupportStaffWhoSetTheirPasswordAndSignIn() {
        String email = AccountSteps.newEmail("support");
        Api.Reply created = api.post("/api/v1/staff-accounts", admin,
                Map.of("email", email, "displayName", "Sara Support", "role", "SUPPORT", "language", "ar"));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);

        LocalMail.Mail invitation = LocalMail.awaitMail(email, 1);
        assertThat(invitation.subject()).isEqualTo("حساب الموظف الخاص بك جاهز");
        assertProblem(steps.signIn(email, STRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
        Api.Reply set = steps.confirmReset(invitation.token(), STRONG_PASSWORD);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        String accountId = set.json().get("accountId").asString();

        String access = steps.accessToken(email, STRONG_PASSWORD);
        assertThat(claims(access).get("roles").get(0).asString()).isEqualTo("SUPPORT");
        JsonNode account = await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/accounts/" + accountId, access),
                        reply -> reply.status() == 200 && reply.json().get("emailVerified").asBoolean()).json();
        assertThat(account.get("role").asString()).isEqualTo("SUPPORT");
        assertThat(account.get("passwordChangedAt").isNull()).isFalse();
        assertProblem(api.post("/api/v1/staff-accounts", access, Map.of("email", AccountSteps.newEmail("x"),
                "displayName", "X", "role", "SUPPORT", "language", "en")), 403, "FORBIDDEN");
    }

    @Test
    void onlyAdministratorsCreatePlatformStaffAndOnlyInStaffRoles() {
        String customer = api.token("customer-staff", "CUSTOMER");
        Map<String, Object> auditor = Map.of("email", AccountSteps.newEmail("auditor"), "displayName", "Adel",
                "role", "AUDITOR", "language", "en");
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/staff-accounts", customer, auditor)), 403,
                "FORBIDDEN");
        for (String role : new String[] {"CUSTOMER", "VENDOR", "ADMIN"}) {
            assertProblem(problems.writesNothing(() -> api.post("/api/v1/staff-accounts", admin,
                    Map.of("email", AccountSteps.newEmail("x"), "displayName", "X", "role", role, "language", "en"))),
                    422, "INVALID_STAFF_ROLE");
        }
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/staff-accounts", admin,
                Map.of("email", AccountSteps.newEmail("x"), "displayName", "X", "role", "OWNER", "language", "en"))),
                400, null);
    }

    @Test
    void vendorStaffActOnlyForTheirVendor() {
        String cairo = vendors.approved("Cairo Staffed Parts", "EG", "EGP");
        String giza = vendors.approved("Giza Staffed Parts", "EG", "EGP");
        String email = AccountSteps.newEmail("seller");
        Api.Reply created = api.post("/api/v1/vendors/" + cairo + "/staff", admin,
                Map.of("email", email, "displayName", "Karim Seller", "language", "en"));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        assertThat(steps.confirmReset(LocalMail.awaitMail(email, 1).token(), STRONG_PASSWORD).status())
                .isEqualTo(200);
        String staff = steps.accessToken(email, STRONG_PASSWORD);
        assertThat(claims(staff).get("vendorId").asString()).isEqualTo(cairo);
        assertThat(claims(staff).get("roles").get(0).asString()).isEqualTo("VENDOR");

        Api.Reply own = api.put("/api/v1/vendors/" + cairo + "/shipping-policy", staff, FLAT_FEE, Map.of());
        assertThat(own.status()).as(own.toString()).isEqualTo(202);
        assertProblem(problems.writesNothing(() -> api.put("/api/v1/vendors/" + giza + "/shipping-policy", staff,
                FLAT_FEE, Map.of())), 403, "NOT_YOUR_VENDOR");
        String stranger = AccountSteps.newEmail("intruder");
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/vendors/" + giza + "/staff", staff,
                Map.of("email", stranger, "displayName", "Intruder", "language", "en"))), 403, "NOT_YOUR_VENDOR");

        // a colleague for their own vendor
        String colleague = AccountSteps.newEmail("colleague");
        assertThat(api.post("/api/v1/vendors/" + cairo + "/staff", staff,
                Map.of("email", colleague, "displayName", "Hoda", "language", "en")).status()).isEqualTo(202);
        assertThat(LocalMail.awaitMail(colleague, 1).body()).contains("VENDOR");
        assertThat(LocalMail.receivedBy(stranger)).isEmpty();
    }

    @Test
    void theConfiguredAdministratorIsInvitedAtStartupAndActsAsAdministrator() {
        LocalMail.Mail invitation = LocalMail.awaitMail(RealInfrastructure.BOOTSTRAP_ADMIN_EMAIL, 1);
        assertThat(invitation.body()).contains("ADMIN");
        Api.Reply set = steps.confirmReset(invitation.token(), STRONG_PASSWORD);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        String access = steps.accessToken(RealInfrastructure.BOOTSTRAP_ADMIN_EMAIL, STRONG_PASSWORD);
        assertThat(claims(access).get("roles").get(0).asString()).isEqualTo("ADMIN");
        assertThat(api.post("/api/v1/staff-accounts", access, Map.of("email", AccountSteps.newEmail("analyst"),
                "displayName", "Nour", "role", "ANALYST", "language", "en")).status()).isEqualTo(202);
    }

    @Test
    void staffForAnUnknownVendorAreRefused() {
        String email = AccountSteps.newEmail("ghost");
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/vendors/" + UUID.randomUUID() + "/staff", admin,
                Map.of("email", email, "displayName", "Ghost", "language", "en"))), 422, "UNKNOWN_VENDOR");
        assertThat(jdbc.sql("SELECT count(*) FROM account_credentials WHERE email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void creatingStaffWithATakenEmailAnswersTheSameAndMailsTheOwner() {
        String email = steps.verifiedCustomer("taken", "en");
        Api.Reply again = problems.writesNothing(() -> api.post("/api/v1/staff-accounts", admin,
                Map.of("email", email, "displayName", "Twice", "role", "ANALYST", "language", "en")));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("status").asString()).isEqualTo("INVITATION_SENT");
        assertThat(LocalMail.awaitMail(email, 2).subject())
                .isEqualTo("Someone tried to register with your email address");
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
