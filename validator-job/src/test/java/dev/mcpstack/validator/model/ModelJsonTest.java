package dev.mcpstack.validator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ModelJsonTest {

    @Test
    void benchmarkResultRoundTripsInSnakeCase() {
        PerformanceBenchmarkResult result = Fixtures.benchmark(OperationType.PROJECT_SWITCH, 4.0);

        String json = Json.MAPPER.writeValueAsString(result);
        JsonNode tree = Json.MAPPER.readTree(json);

        assertThat(tree.path("latency_p95_ms").asDouble()).isEqualTo(4.0);
        assertThat(tree.path("server_id").asString()).isEqualTo("workflow-mcp");
        assertThat(tree.path("operation_type").asString()).isEqualTo("project_switch");
        assertThat(tree.path("pass_status").asString()).isEqualTo("pass");
        assertThat(tree.path("timestamp").asString()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(tree.path("environment").path("jvm_version").asString()).isEqualTo("17.0.15");
        assertThat(Json.MAPPER.readValue(json, PerformanceBenchmarkResult.class))
                .isEqualTo(result);
    }

    @Test
    void readsTheSeedExampleOfABenchmarkResult() {
        String seed = """
                {"benchmark_id": "550e8400-e29b-41d4-a716-446655440000", "server_id": "codebase-mcp",
                 "operation_type": "search", "timestamp": "2025-10-13T10:30:00Z", "latency_p50_ms": 245.32,
                 "latency_p95_ms": 478.91, "latency_p99_ms": 512.45, "latency_mean_ms": 268.77,
                 "latency_min_ms": 198.12, "latency_max_ms": 543.88, "sample_size": 100,
                 "test_parameters": {"query_text": "authentication logic", "concurrent_clients": 10},
                 "pass_status": "pass", "target_threshold_ms": 500.0}""";

        PerformanceBenchmarkResult result = Json.MAPPER.readValue(seed, PerformanceBenchmarkResult.class);

        assertThat(result.serverId()).isEqualTo(ServerId.CODEBASE);
        assertThat(result.operationType()).isEqualTo(OperationType.SEARCH);
        assertThat(result.testParameters()).containsEntry("concurrent_clients", 10);
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void loadTestResultRoundTripsWithDerivedFigures() {
        LoadTestResult result = load(30000, 29850, 150);

        JsonNode tree = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(result));

        assertThat(tree.path("success_rate_percent").asDouble()).isEqualTo(99.5);
        assertThat(tree.path("requests_per_second").asDouble()).isEqualTo(50.0);
        assertThat(tree.path("error_breakdown").get(0).path("error_type").asString())
                .isEqualTo("timeout");
        assertThat(tree.path("resource_usage")
                        .path("connection_pool_utilization_max")
                        .asDouble())
                .isEqualTo(95.0);
        assertThat(Json.MAPPER.treeToValue(tree, LoadTestResult.class)).isEqualTo(result);
    }

    @Test
    void healthAndMetricsParseWhatTheServicesAnswer() {
        HealthCheckResponse health = Json.MAPPER.readValue("""
                {"status":"healthy","timestamp":"2025-10-13T10:30:00Z","database_status":"connected",
                 "connection_pool":{"size":8,"min_size":5,"max_size":20,"free":6,"utilization_percent":25.0},
                 "uptime_seconds":3600.5,"details":null}""", HealthCheckResponse.class);
        MetricsResponse metrics = Json.MAPPER.readValue("""
                {"counters":[{"name":"codebase_mcp_requests_total","help_text":"Total","value":10000}],
                 "histograms":[{"name":"codebase_mcp_search_latency_seconds","help_text":"Search",
                   "buckets":[{"bucket_le":0.1,"count":450},{"bucket_le":0.5,"count":9500},
                              {"bucket_le":2.0,"count":10000}],"count":10000,"sum":2345.67}]}""", MetricsResponse.class);

        assertThat(health.connectionPool().free()).isEqualTo(6);
        assertThat(metrics.counter("codebase_mcp_requests_total"))
                .get()
                .extracting(MetricsResponse.MetricCounter::value)
                .isEqualTo(10000.0);
        assertThat(metrics.histogram("codebase_mcp_search_latency_seconds"))
                .get()
                .extracting(h -> h.buckets().size())
                .isEqualTo(3);
    }

    @Test
    void integrationTestCaseRoundTripsThroughYaml() {
        IntegrationTestCase testCase = Json.YAML.readValue("""
                test_id: t1
                test_name: one step
                required_servers: [codebase]
                workflow_steps:
                  - step_number: 1
                    server: codebase-mcp
                    action: search
                    api_call: {method: post, endpoint: /mcp/search, payload: {query: x}}
                    expected_response: {status_code: 200}
                    assertions: [{path: "results[0].chunk_id", exists: true}]
                    capture: {chunk: "results[0].chunk_id"}
                """, IntegrationTestCase.class);

        IntegrationTestCase again =
                Json.YAML.readValue(Json.YAML.writeValueAsString(testCase), IntegrationTestCase.class);

        assertThat(again).isEqualTo(testCase);
        assertThat(testCase.workflowSteps().get(0).apiCall().method()).isEqualTo("POST");
        assertThat(testCase.requiredServers()).containsExactly(ServerId.CODEBASE);
    }

    static LoadTestResult load(long total, long ok, long failed) {
        return new LoadTestResult(
                "load-1",
                "codebase-mcp",
                "Sustained 50 concurrent clients",
                "closed",
                50,
                600,
                Instant.parse("2025-10-13T10:30:00Z"),
                total,
                ok,
                failed,
                342.56,
                300.0,
                1245.78,
                2000.0,
                2987.23,
                List.of(new LoadTestResult.ErrorBreakdown("timeout", failed, 0.5)),
                new ResourceUsageStats(65.23, 89.45, 512.34, 678.9, 75.5, 95.0, 10, List.of()),
                List.of(new LoadTestResult.OperationStats("search", total, failed, 300.0, 1245.78, 2000.0)),
                List.of(new LoadTestResult.TimelinePoint(0, 50, 0, 10.0, 50)));
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
