package com.souq.commerce.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.engine.support.Vendors;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Support pauses a processor, sees its lag grow while the store moves on, resumes it and sees it catch up. */
@EngineIntegrationTest
class ProcessorPauseTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ProcessorAdmin admin;

    @AfterEach
    void resume() {
        admin.api.post("/api/v1/admin/processors/vendors/resume", admin.support, null);
    }

    @Test
    void pausedProcessorFallsBehindAndCatchesUpWhenResumed() {
        admin = new ProcessorAdmin(port, jdbc);
        Api api = admin.api;
        admin.awaitCaughtUp("vendors");

        Api.Reply paused = api.post("/api/v1/admin/processors/vendors/pause", admin.support, null);
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().path("status").asString()).isEqualTo("PAUSED");

        String vendorId = new Vendors(api).underReview("Paused Parts " + UUID.randomUUID(), "EG", "EGP");
        JsonNode behind = admin.processor("vendors");
        assertThat(behind.path("status").asString()).isEqualTo("PAUSED");
        assertThat(behind.path("lag").asLong()).isPositive();
        assertThat(behind.path("segments").size()).as(behind.toString()).isPositive();
        String staff = api.token("admin-pause", "ADMIN");
        assertThat(api.get("/api/v1/vendors/" + vendorId, staff).status()).isEqualTo(404);
        // The others go on meanwhile.
        assertThat(admin.processor("listings").path("status").asString()).isEqualTo("RUNNING");

        Api.Reply resumed = api.post("/api/v1/admin/processors/vendors/resume", admin.support, null);
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        admin.awaitCaughtUp("vendors");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/vendors/" + vendorId, staff).status(),
                status -> status == 200);

        Problems.assertProblem(api.post("/api/v1/admin/processors/no-such-processor/pause", admin.support, null),
                404, "NOT_FOUND");
        Problems.assertProblem(api.post("/api/v1/admin/processors/vendors/pause",
                api.token("vendor-pause", "VENDOR"), null), 403, "FORBIDDEN");
    }
}
