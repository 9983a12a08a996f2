package com.souq.commerce.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.VendorRequests;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator and an API client find without a token: probes, metrics and the API description. */
@EngineIntegrationTest
class ObservabilityTest {

    @LocalServerPort
    int port;

    @Test
    void readinessChecksDatabaseAndSearch() {
        Api api = new Api(port);
        Reply readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", null).json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsAxonMessageMetricsAndProcessorLag() {
        Api api = new Api(port);
        api.post("/api/v1/vendors", api.token("metrics-seller", "VENDOR"),
                VendorRequests.application("Metrics Parts", "EG", "EGP"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        Reply metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body())
                .contains("souq_event_processor_lag_events{application=\"souq-engine\",processor=\"vendors\"}")
                .containsPattern("commandBus_[a-zA-Z_]+\\{.*ApplyAsVendorCommand")
                .containsPattern("souq_event_processor_events_total\\{.*outcome=\"handled\",processor=\"vendors\"}")
                .containsPattern("souq_event_processor_handling_seconds_count\\{.*processor=\"vendors\"}");
    }

    @Test
    void openApiDocumentDescribesTheVendorApi() {
        Api api = new Api(port);
        Reply document = api.get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").propertyNames())
                .contains("/api/v1/vendors", "/api/v1/vendors/{vendorId}", "/api/v1/vendors/{vendorId}/approval");
        assertThat(document.json().get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
