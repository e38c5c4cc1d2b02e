package dev.mcpstack.deployment.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MonitoringTemplatesTest {

    private static final String DASHBOARD = """
            {"title": "MCP services", "uid": "mcp-services", "panels": [{"type": "timeseries", "title": "p95"}]}
            """;
    private static final String RULES = """
            groups:
              - name: mcp-stack.availability
                rules:
                  - alert: McpDatabaseDown
                    expr: max by (application) (mcp_database_up) == 0
                    for: 1m
                    labels:
                      severity: critical
                    annotations:
                      summary: "{{ $labels.application }} has lost its database"
            """;

    @Test
    void eachDashboardFileBecomesAConfigMapForTheGrafanaSidecar() {
        Rendered rendered = Chart.render(Map.of(), List.of(Map.entry("files/dashboards/MCP-Services.json", DASHBOARD)));

        ConfigMap dashboard = rendered.get(ConfigMap.class, "mcp-stack-dashboard-mcp-services");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData()).containsOnlyKeys("MCP-Services.json");
        assertThat(dashboard.getData().get("MCP-Services.json")).isEqualToIgnoringNewLines(DASHBOARD.strip());
        assertThat(Chart.render(
                                Map.of("monitoring.dashboards.enabled", false),
                                List.of(Map.entry("files/dashboards/MCP-Services.json", DASHBOARD)))
                        .find(ConfigMap.class, "mcp-stack-dashboard-mcp-services"))
                .isEmpty();
    }

    @Test
    void theChartPackagesExactlyTheDashboardsOfGrafanaDirectory() throws IOException {
        Path grafana = Chart.root().resolve("grafana");
        Path packaged = Chart.directory().resolve("files/dashboards");
        List<String> expected = jsonFiles(grafana);

        assertThat(jsonFiles(packaged))
                .as("helm/files/dashboards (a link to ../../grafana)")
                .isEqualTo(expected);
        assertThat(Chart.render(Map.of()).all(ConfigMap.class))
                .filteredOn(map -> map.getMetadata().getLabels().containsKey("grafana_dashboard"))
                .hasSize(expected.size());
    }

    @Test
    void thePrometheusRuleEmbedsTheRulesFileIntoTheMonitoringModel() {
        Rendered rendered = Chart.render(
                Map.of("monitoring.prometheusRule.enabled", true),
                List.of(Map.entry("files/prometheus-rules.yaml", RULES)));

        PrometheusRule rule = rendered.get(PrometheusRule.class, "mcp-stack");
        assertThat(rule.getSpec().getGroups()).singleElement().satisfies(group -> {
            assertThat(group.getName()).isEqualTo("mcp-stack.availability");
            assertThat(group.getRules()).singleElement().satisfies(alert -> {
                assertThat(alert.getAlert()).isEqualTo("McpDatabaseDown");
                assertThat(alert.getExpr().getStrVal()).isEqualTo("max by (application) (mcp_database_up) == 0");
                assertThat(alert.getAnnotations())
                        .containsEntry("summary", "{{ $labels.application }} has lost its database");
            });
        });
    }

    @Test
    void theShippedRulesFileRendersAsAValidPrometheusRule() {
        PrometheusRule rule =
                Chart.render(Map.of("monitoring.prometheusRule.enabled", true)).get(PrometheusRule.class, "mcp-stack");

        assertThat(rule.getSpec().getGroups())
                .allSatisfy(group -> assertThat(group.getRules()).isNotEmpty());
    }

    private static List<String> jsonFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }
}
