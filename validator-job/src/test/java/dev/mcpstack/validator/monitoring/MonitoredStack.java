package dev.mcpstack.validator.monitoring;

import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.LocalPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Both real services on an embedded PostgreSQL (the validator's local platform), scraped every second by a real
 * Prometheus that also scrapes a real Pushgateway, evaluates the chart's alert rules (with test-sized {@code for})
 * every second and sends alerts to a real Alertmanager. Target labels match what the ServiceMonitors give in a
 * cluster ({@code job} = Service name, {@code namespace}, {@code pod}, {@code instance}), so the dashboards' and rules'
 * queries run unchanged.
 */
final class MonitoredStack implements AutoCloseable {

    static final String NAMESPACE = "mcp-test";

    final Http http = new Http(Duration.ofSeconds(10));
    final LocalPlatform platform;
    Daemon pushgateway;
    Daemon alertmanager;
    Daemon prometheus;

    MonitoredStack(Path work, String webhookUrl) throws IOException {
        platform = new LocalPlatform(
                new LocalPlatform.Settings(
                        null, null, work.resolve("logs"), Duration.ofMinutes(5), List.of("-Xms128m", "-Xmx384m"), true),
                http);
        try {
            start(work, webhookUrl);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void start(Path work, String webhookUrl) throws IOException {
        platform.start(line -> System.out.println("[stack] " + line));
        pushgateway = Daemon.start(
                "prometheus-pushgateway",
                List.of("--web.listen-address=127.0.0.1:{port}", "--persistence.file="),
                work.resolve("pushgateway"));
        Path alertmanagerDir = work.resolve("alertmanager");
        Files.createDirectories(alertmanagerDir);
        Files.writeString(alertmanagerDir.resolve("alertmanager.yml"), """
                route:
                  receiver: webhook
                  group_by: [alertname, application]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: webhook
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                """.formatted(webhookUrl));
        alertmanager = Daemon.start(
                "prometheus-alertmanager",
                List.of(
                        "--config.file=alertmanager.yml",
                        "--storage.path=data",
                        "--cluster.listen-address=",
                        "--web.listen-address=127.0.0.1:{port}"),
                alertmanagerDir);
        Path prometheusDir = work.resolve("prometheus");
        Files.createDirectories(prometheusDir);
        Files.writeString(prometheusDir.resolve("rules.yaml"), testSizedRules());
        Files.writeString(prometheusDir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yaml]
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['%s']
                scrape_configs:
                  - job_name: mcp-stack-codebase-mcp
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['%s']
                        labels: {namespace: %s, pod: mcp-stack-codebase-mcp-0}
                  - job_name: mcp-stack-workflow-mcp
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['%s']
                        labels: {namespace: %s, pod: mcp-stack-workflow-mcp-0}
                  - job_name: mcp-stack-pushgateway
                    honor_labels: true
                    static_configs:
                      - targets: ['%s']
                        labels: {namespace: %s, pod: mcp-stack-pushgateway-0}
                """.formatted(
                        alertmanager.address(),
                        hostPort(ServerId.CODEBASE),
                        NAMESPACE,
                        hostPort(ServerId.WORKFLOW),
                        NAMESPACE,
                        pushgateway.address(),
                        NAMESPACE));
        prometheus = Daemon.start(
                "prometheus",
                List.of(
                        "--config.file=prometheus.yml",
                        "--storage.tsdb.path=data",
                        "--web.listen-address=127.0.0.1:{port}"),
                prometheusDir);
    }

    private String hostPort(ServerId server) {
        var url = platform.baseUrl(server);
        return url.getHost() + ":" + url.getPort();
    }

    /**
     * The rules as the chart ships them (the groups of the PrometheusRule that {@code helm template} renders with
     * {@code monitoring.prometheusRule.enabled}), with every {@code for} cut to 2 s so an alert fires within seconds.
     */
    static String testSizedRules() {
        List<JsonNode> rules = RenderedChart.ofKind(
                RenderedChart.render(Map.of("monitoring.prometheusRule.enabled", true)), "PrometheusRule");
        JsonNode groups = rules.isEmpty() ? null : rules.get(0).path("spec").path("groups");
        if (groups == null || groups.isEmpty()) {
            throw new IllegalStateException("the chart rendered no PrometheusRule groups");
        }
        ObjectNode testSized = Json.YAML.createObjectNode();
        testSized.set("groups", groups);
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("for")) {
                    ((ObjectNode) rule).put("for", "2s");
                }
            }
        }
        return Json.YAML.writeValueAsString(testSized);
    }

    /** An instant query through the HTTP API: the {@code data} object, or an exception naming the error. */
    JsonNode query(String promql) {
        try {
            var response = prometheus.get("/api/v1/query?query="
                    + java.net.URLEncoder.encode(promql, java.nio.charset.StandardCharsets.UTF_8));
            JsonNode body = Json.MAPPER.readTree(response.body());
            if (!"success".equals(body.path("status").asString())) {
                throw new IllegalArgumentException(body.path("errorType").asString() + ": "
                        + body.path("error").asString());
            }
            return body.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code label_values(selector, label)} as Grafana resolves it. */
    List<String> labelValues(String label, String selector) {
        try {
            var response = prometheus.get("/api/v1/label/" + label + "/values?match[]="
                    + java.net.URLEncoder.encode(selector, java.nio.charset.StandardCharsets.UTF_8));
            return Json.MAPPER
                    .readTree(response.body())
                    .path("data")
                    .valueStream()
                    .map(JsonNode::asString)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean allTargetsUp() {
        JsonNode result = query("up").path("result");
        return result.size() == 3
                && result.valueStream()
                        .allMatch(s -> s.path("value").get(1).asString().equals("1"));
    }

    Map<String, String> variables() {
        return Map.of("namespace", NAMESPACE, "instance", ".*", "profile", ".*");
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : new AutoCloseable[] {prometheus, alertmanager, pushgateway, platform}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("[stack] could not stop " + closeable + ": " + e);
            }
        }
    }
}
