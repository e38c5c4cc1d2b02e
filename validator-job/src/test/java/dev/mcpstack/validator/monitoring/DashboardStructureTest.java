package dev.mcpstack.validator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Grafana conventions: fixed unique uids, schemaVersion 39 or later, the {@code ${datasource}} variable on every
 * panel and query (never {@code ${DS_...}} inputs), a unit and a description on every panel, {@code namespace}
 * plus an instance or profile selector, and no variable used without being defined or defined without being used.
 */
class DashboardStructureTest {

    @Test
    void bothDashboardsExistWithFixedUniqueUids() {
        List<String> uids = new ArrayList<>();
        for (Path file : Dashboards.files()) {
            JsonNode dashboard = Dashboards.read(file);
            uids.add(dashboard.path("uid").asString());
            assertThat(dashboard.path("title").asString()).as(file.toString()).startsWith("MCP Stack — ");
            assertThat(dashboard.path("schemaVersion").asInt())
                    .as(file.toString())
                    .isGreaterThanOrEqualTo(39);
            assertThat(dashboard.path("description").asString())
                    .as(file.toString())
                    .isNotBlank();
        }
        assertThat(uids)
                .containsExactlyInAnyOrder("mcp-stack-services", "mcp-stack-validation")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyPanelUsesTheDatasourceVariableAndHasAUnitAndADescription() throws Exception {
        for (Path file : Dashboards.files()) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).doesNotContain("${DS_").doesNotContain("__inputs");
            JsonNode dashboard = Dashboards.read(file);
            JsonNode datasource = dashboard.path("templating").path("list").get(0);
            assertThat(datasource.path("name").asString()).isEqualTo("datasource");
            assertThat(datasource.path("type").asString()).isEqualTo("datasource");
            assertThat(datasource.path("query").asString()).isEqualTo("prometheus");
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : Dashboards.panels(dashboard)) {
                String name = file.getFileName() + " / " + panel.path("title").asString();
                assertThat(ids.add(panel.path("id").asInt()))
                        .as("unique id: " + name)
                        .isTrue();
                if (panel.path("type").asString().equals("row")) {
                    continue;
                }
                assertThat(panel.path("description").asString()).as(name).isNotBlank();
                assertThat(panel.path("datasource").path("uid").asString())
                        .as(name)
                        .isEqualTo("${datasource}");
                assertThat(panel.path("fieldConfig")
                                .path("defaults")
                                .path("unit")
                                .asString())
                        .as(name)
                        .isNotBlank();
                assertThat(panel.path("targets").isEmpty()).as(name).isFalse();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asString())
                            .as(name)
                            .isEqualTo("${datasource}");
                    assertThat(target.path("expr").asString()).as(name).isNotBlank();
                }
            }
        }
    }

    @Test
    void theChartPackagesEveryDashboardAsIs() throws Exception {
        List<JsonNode> configMaps = RenderedChart.ofKind(RenderedChart.render(java.util.Map.of()), "ConfigMap").stream()
                .filter(map -> map.path("metadata")
                        .path("labels")
                        .path("grafana_dashboard")
                        .asString()
                        .equals("1"))
                .toList();
        assertThat(configMaps).hasSameSizeAs(Dashboards.files());
        for (Path file : Dashboards.files()) {
            String name = file.getFileName().toString();
            String content = Files.readString(file).stripTrailing();
            assertThat(configMaps)
                    .as(name + " packaged through helm/files/dashboards")
                    .anySatisfy(map ->
                            assertThat(map.path("data").path(name).asString()).isEqualTo(content));
        }
    }

    @Test
    void noVariableIsDanglingOrUnused() {
        for (Path file : Dashboards.files()) {
            JsonNode dashboard = Dashboards.read(file);
            List<String> defined = Dashboards.variables(dashboard);
            assertThat(defined)
                    .as(file.toString())
                    .contains("datasource", "namespace")
                    .doesNotHaveDuplicates();
            assertThat(defined).as(file.toString()).containsAnyOf("instance", "profile");
            Set<String> used = new HashSet<>();
            for (JsonNode panel : Dashboards.panels(dashboard)) {
                used.addAll(Dashboards.referenced(
                        panel.path("datasource").path("uid").asString()));
                for (JsonNode target : panel.path("targets")) {
                    used.addAll(Dashboards.referenced(target.path("expr").asString()));
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                used.addAll(Dashboards.referenced(variable.path("definition").asString()));
            }
            Set<String> known = new HashSet<>(defined);
            known.addAll(Dashboards.BUILT_IN.keySet());
            assertThat(known).as(file + ": variables used but not defined").containsAll(used);
            assertThat(used).as(file + ": variables defined but never used").containsAll(defined);
        }
    }
}
