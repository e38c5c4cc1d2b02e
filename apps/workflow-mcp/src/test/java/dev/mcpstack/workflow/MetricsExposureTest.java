package dev.mcpstack.workflow;

import static dev.mcpstack.workflow.testing.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.workflow.testing.WorkflowApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricsExposureTest extends WorkflowApiTest {

    @Test
    void exposesLatencyHistogramsAndBreakerStateToPrometheus() {
        UUID project = api.createProject("metrics");
        String client = "metrics-" + UUID.randomUUID();
        api.activate(client, project);
        api.post("/mcp/entities/query", client, body()).expect(200);

        String scrape = http.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .contains("workflow_mcp_project_switch_latency_seconds_bucket")
                .contains("workflow_mcp_entity_query_latency_seconds_bucket")
                .contains("resilience4j_circuitbreaker_state{")
                .contains("name=\"codebase\"");
    }
}
