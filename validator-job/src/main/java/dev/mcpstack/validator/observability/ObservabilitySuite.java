package dev.mcpstack.validator.observability;

import dev.mcpstack.validator.benchmarks.Latencies;
import dev.mcpstack.validator.benchmarks.Settle;
import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.load.LoadEngine;
import dev.mcpstack.validator.load.LoadRequest;
import dev.mcpstack.validator.model.EnvironmentInfo;
import dev.mcpstack.validator.model.HealthCheckResponse;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.MetricsResponse;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.Platform;
import dev.mcpstack.validator.report.CheckResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SPEC §6 observability: health latency (as a benchmark result, gated on p99) and schema, metrics as JSON and as
 * Prometheus text with the SPEC §5 names, every captured stdout line a well-formed JSON log event, and the MCP
 * endpoint as a real MCP client sees it ({@link McpCheck}).
 */
public final class ObservabilitySuite {

    static final String SUITE = "observability";
    private static final int WARMUP = 50;
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);

    private final Http http;
    private final Platform platform;
    private final int healthRequests;
    private final Double healthTargetMs;
    private final EnvironmentInfo environment;
    private final Consumer<String> progress;

    public ObservabilitySuite(
            Http http,
            Platform platform,
            int healthRequests,
            Double healthTargetMs,
            EnvironmentInfo environment,
            Consumer<String> progress) {
        this.http = http;
        this.platform = platform;
        this.healthRequests = healthRequests;
        this.healthTargetMs = healthTargetMs;
        this.environment = environment;
        this.progress = progress;
    }

    public List<CheckResult> run(List<PerformanceBenchmarkResult> healthResults) {
        List<CheckResult> checks = new ArrayList<>();
        for (ServerId server : ServerId.values()) {
            URI base = platform.baseUrl(server);
            progress.accept("observability " + server + ": /health x" + healthRequests + ", /metrics, logs, mcp");
            guarded(checks, server + " health latency", () -> healthResults.add(healthLatency(server, base)));
            guarded(checks, server + " health schema", () -> checks.add(healthSchema(server, base)));
            guarded(checks, server + " metrics json", () -> checks.add(metricsJson(server, base)));
            guarded(checks, server + " metrics prometheus", () -> checks.add(metricsText(server, base)));
            guarded(checks, server + " logs", () -> checks.add(LogLines.check(server, platform.logLines(server))));
            guarded(checks, server + " mcp", () -> checks.add(McpCheck.check(server, base)));
        }
        return checks;
    }

    private static void guarded(List<CheckResult> checks, String name, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            checks.add(CheckResult.fail(SUITE, name, "could not run: " + e.getMessage()));
        }
    }

    /**
     * One client, back to back, in the load engine's count-bounded closed model like the benchmarks (the JDK client
     * this used before added its own thread hand-off to every figure), once the services are idle ({@link Settle}):
     * the load suite runs just before, its last capacity step at up to 1 600 requests/s, and one run measured p99
     * 5.36 ms straight after it against 0.37–3.94 ms in the other runs of the day.
     */
    PerformanceBenchmarkResult healthLatency(ServerId server, URI base) {
        URI health = base.resolve("/health");
        Latencies warm = new Latencies();
        Latencies latencies = new Latencies();
        try (LoadEngine engine = new LoadEngine(http.timeout())) {
            engine.runCount(1, WARMUP, () -> LoadRequest.get(health), LIMIT, warm.outcome("GET /health"));
            Duration settled = Settle.await(platform, SETTLE_LIMIT);
            engine.runCount(1, healthRequests, () -> LoadRequest.get(health), LIMIT, latencies.outcome("GET /health"));
            return latencies.toResult(
                    server,
                    OperationType.HEALTH,
                    Map.of("requests", healthRequests, "settle_ms", settled.toMillis()),
                    healthTargetMs,
                    environment);
        }
    }

    CheckResult healthSchema(ServerId server, URI base) {
        String name = server + " health schema";
        Http.Response response = http.get(base.resolve("/health"), Map.of("Accept", "application/json"));
        if (response.status() != 200) {
            return CheckResult.fail(
                    SUITE, name, "GET /health answered " + response.status() + ": " + response.excerpt());
        }
        try {
            HealthCheckResponse health = Json.MAPPER.readValue(response.body(), HealthCheckResponse.class);
            return CheckResult.pass(
                    SUITE,
                    name,
                    "status=" + health.status() + " database=" + health.databaseStatus() + " pool="
                            + health.connectionPool().size() + "/"
                            + health.connectionPool().maxSize());
        } catch (RuntimeException e) {
            return CheckResult.fail(
                    SUITE, name, "invalid HealthCheckResponse: " + e.getMessage() + "; body: " + response.excerpt());
        }
    }

    CheckResult metricsJson(ServerId server, URI base) {
        String name = server + " metrics json";
        Http.Response response = http.get(base.resolve("/metrics"), Map.of("Accept", "application/json"));
        if (response.status() != 200) {
            return CheckResult.fail(SUITE, name, "GET /metrics (JSON) answered " + response.status());
        }
        try {
            MetricsResponse metrics = Json.MAPPER.readValue(response.body(), MetricsResponse.class);
            String requests = prefix(server) + "_requests_total";
            if (metrics.counter(requests).isEmpty()) {
                return CheckResult.fail(
                        SUITE,
                        name,
                        "no counter " + requests + " among "
                                + metrics.counters().size() + " counters");
            }
            return CheckResult.pass(
                    SUITE,
                    name,
                    metrics.counters().size() + " counters, "
                            + metrics.histograms().size() + " histograms, " + requests + "="
                            + metrics.counter(requests).get().value());
        } catch (RuntimeException e) {
            return CheckResult.fail(SUITE, name, "invalid MetricsResponse: " + e.getMessage());
        }
    }

    CheckResult metricsText(ServerId server, URI base) {
        String name = server + " metrics prometheus";
        List<String> missing = new ArrayList<>();
        for (String path : List.of("/metrics", "/actuator/prometheus")) {
            Http.Response response = http.get(base.resolve(path), Map.of("Accept", "text/plain"));
            if (response.status() != 200) {
                missing.add(path + " answered " + response.status());
                continue;
            }
            String text = response.text();
            for (String metric : requiredNames(server)) {
                if (!text.contains("# TYPE " + metric)) {
                    missing.add(metric + " in " + path);
                }
            }
        }
        return missing.isEmpty()
                ? CheckResult.pass(
                        SUITE, name, "all of " + requiredNames(server) + " in /metrics and /actuator/prometheus")
                : CheckResult.fail(SUITE, name, "missing: " + missing);
    }

    static List<String> requiredNames(ServerId server) {
        return server == ServerId.CODEBASE
                ? List.of(
                        "codebase_mcp_requests_total",
                        "codebase_mcp_errors_total",
                        "codebase_mcp_search_latency_seconds",
                        "codebase_mcp_index_duration_seconds")
                : List.of(
                        "workflow_mcp_requests_total",
                        "workflow_mcp_errors_total",
                        "workflow_mcp_project_switch_latency_seconds",
                        "workflow_mcp_entity_query_latency_seconds");
    }

    private static String prefix(ServerId server) {
        return server.wireName().replace('-', '_');
    }
}
