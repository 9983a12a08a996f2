package com.souq.commerce.engine.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Auditors cannot send a single command: every operation of the API that is not a read (listed from the OpenAPI
 * document and the handler mappings, as the bad-input corpus lists them, so an endpoint added tomorrow is checked too)
 * refuses an {@code AUDITOR} token with 403 and writes nothing. The operations open without a role at all (the
 * payment providers' signed webhooks, sign-in and the other account flows under {@code /api/v1/auth}, the development
 * token endpoint) give an auditor's token nothing either. The one exception is the auditor's own account
 * ({@code /api/v1/accounts/me/...}: profile, addresses, password), which every signed-in person keeps up to date and
 * which touches no business state.
 */
@EngineIntegrationTest
class AuditorReadOnlyTest {

    /** Operations that admit no role because they take no token; each checks something else (or writes nothing). */
    private static final Set<String> OPEN = Set.of("POST /api/v1/payments/webhooks/stripe", "POST /api/v1/dev/tokens");

    /** The caller's own account: every role keeps its own profile, addresses and password. */
    private static final String OWN_ACCOUNT = "/api/v1/accounts/me";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void anAuditorIsRefusedByEveryCommandEndpoint() {
        Api api = new Api(port);
        Problems problems = new Problems(jdbc);
        String auditor = api.token("auditor-read-only", "AUDITOR");
        JsonNode document = api.get("/v3/api-docs", null).json();
        List<Endpoint> commands = ApiSurface.read(document, mappings).stream()
                .filter(endpoint -> !endpoint.isQuery())
                .toList();
        assertThat(commands).as("command endpoints found").hasSizeGreaterThan(25);
        List<String> checked = new ArrayList<>();
        for (Endpoint command : commands) {
            String path = command.path();
            for (String variable : command.pathVariables()) {
                path = path.replace("{" + variable + "}", UUID.randomUUID().toString());
            }
            String target = path;
            if (command.path().startsWith(OWN_ACCOUNT)) {
                continue;
            }
            if (OPEN.contains(command.toString()) || command.access().anonymous()) {
                assertThat(command.access().anonymous()).as(command + " takes no token").isTrue();
                Api.Reply reply = problems.writesNothing(() -> api.send(command.method(), target, auditor, "{}",
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())));
                assertThat(reply.status()).as(command + " → " + reply).isNotIn(201, 202);
                continue;
            }
            assertThat(command.access().roles()).as(command + " admits").doesNotContain("AUDITOR");
            String body = validBody(command);
            Api.Reply reply = problems.writesNothing(() -> api.send(command.method(), target, auditor, body,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString(), "If-Match", "\"0\"")));
            Problems.assertProblem(reply, 403, "FORBIDDEN");
            checked.add(command.toString());
        }
        assertThat(checked).contains("POST /api/v1/cart/checkout", "PUT /api/v1/vendors/{vendorId}/commission-plan",
                "POST /api/v1/vendor-orders/{vendorOrderId}/rejection");
        System.out.println("Auditor read-only: " + checked.size() + " command endpoints refused an AUDITOR token");
    }

    /**
     * A body the endpoint would accept from a caller it admits (the corpus's examples), so that the refusal comes from
     * the role, not from the body: Spring validates a body before the role check runs.
     */
    private static String validBody(Endpoint command) {
        if (!command.hasBody()) {
            return null;
        }
        String example = BadInputCorpusTest.VALID_BODIES.get(command.bodyName() != null ? command.bodyName()
                : command.toString());
        return example == null ? "{}" : example.replace("${vendorId}", UUID.randomUUID().toString())
                .replace("${listingId}", UUID.randomUUID().toString());
    }
}
