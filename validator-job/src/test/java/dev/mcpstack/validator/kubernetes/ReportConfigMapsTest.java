package dev.mcpstack.validator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.Fixtures;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.regression.BaselineStore;
import dev.mcpstack.validator.report.CheckResult;
import dev.mcpstack.validator.report.ValidationReport;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports and baselines in ConfigMaps, on the fabric8 mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class ReportConfigMapsTest {

    KubernetesClient client;

    static ValidationReport report(Instant started, PassStatus verdict) {
        return new ValidationReport(
                UUID.randomUUID().toString(),
                started,
                started.plusSeconds(60),
                "kubernetes",
                "quick",
                List.of("observability"),
                Fixtures.ENVIRONMENT,
                verdict,
                List.of(new CheckResult("observability", "health", verdict, "detail")),
                List.of(),
                List.of(),
                List.of(),
                "shipped",
                List.of());
    }

    @Test
    void publishesALabelledConfigMapNamedAfterTheRun() {
        ReportConfigMaps reports = new ReportConfigMaps(client, "test", "demo");
        ValidationReport report = report(Instant.parse("2026-12-01T21:30:00Z"), PassStatus.FAIL);

        String name = reports.publish(
                report, Map.of("report.json", "{}", "report.md", "# Validation report"), "demo-validation-x1-abcde");

        assertThat(name)
                .isEqualTo("demo-validation-" + ReportConfigMaps.runId(report))
                .startsWith("demo-validation-20261201-213000-");
        ConfigMap stored =
                client.configMaps().inNamespace("test").withName(name).get();
        assertThat(stored.getData())
                .containsEntry("report.json", "{}")
                .containsEntry("report.md", "# Validation report");
        assertThat(stored.getMetadata().getLabels())
                .containsEntry(ChartLabels.INSTANCE, "demo")
                .containsEntry(ChartLabels.COMPONENT, "validator")
                .containsEntry(ChartLabels.NAME, "mcp-stack")
                .containsEntry(ChartLabels.POD, "demo-validation-x1-abcde")
                .containsEntry(ReportConfigMaps.VERDICT, "fail");
        assertThat(reports.writtenBy("demo-validation-x1-abcde", Access.LAUNCH_LIST_CONFIGMAPS))
                .hasValueSatisfying(c -> assertThat(c.getMetadata().getName()).isEqualTo(name));
    }

    @Test
    void leavesOutAFileThatWouldPassTheConfigMapLimit() {
        ReportConfigMaps reports = new ReportConfigMaps(client, "test", "demo");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("report.json", "{}");
        files.put("report.html", "x".repeat(1_100_000));
        String name = reports.publish(report(Instant.now(), PassStatus.PASS), files, "pod");
        assertThat(client.configMaps().inNamespace("test").withName(name).get().getData())
                .containsKey("report.json")
                .containsKey("report.html.omitted")
                .doesNotContainKey("report.html");
    }

    @Test
    void prunesToTheNewestNOfTheReleaseOnly() {
        ReportConfigMaps reports = new ReportConfigMaps(client, "test", "demo");
        ReportConfigMaps other = new ReportConfigMaps(client, "test", "other");
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            reports.publish(
                    report(start.plusSeconds(i * 3600L), PassStatus.PASS), Map.of("report.md", "#" + i), "p" + i);
        }
        other.publish(report(start, PassStatus.PASS), Map.of("report.md", "other"), "o");
        client.configMaps()
                .inNamespace("test")
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("demo-mcp-stack-codebase-mcp")
                        .addToLabels(ChartLabels.INSTANCE, "demo")
                        .endMetadata()
                        .build())
                .create();

        List<String> pruned = reports.prune(2);

        assertThat(pruned).hasSize(3).allMatch(n -> n.matches("demo-validation-20261201-1[012]0000-[0-9a-f]{4}"));
        assertThat(reports.list(Map.of()))
                .extracting(c -> c.getData().get("report.md"))
                .containsExactly("#3", "#4");
        assertThat(other.list(Map.of())).hasSize(1);
        assertThat(client.configMaps()
                        .inNamespace("test")
                        .withName("demo-mcp-stack-codebase-mcp")
                        .get())
                .isNotNull();
    }

    @Test
    void baselinesRoundTripThroughAConfigMap(@TempDir Path dir) {
        ClusterBaselines baselines = new ClusterBaselines(client, "test");
        List<String> first =
                baselines.save("demo-baselines", "demo", List.of(Fixtures.benchmark(OperationType.SEARCH, 12)));
        List<String> second =
                baselines.save("demo-baselines", "demo", List.of(Fixtures.benchmark(OperationType.PROJECT_SWITCH, 3)));

        assertThat(first).containsExactly("codebase-mcp_search_20261122T100000Z.json");
        assertThat(second).containsExactly("workflow-mcp_project_switch_20261122T100000Z.json");
        Path files = baselines.materialize("demo-baselines", dir.resolve("baselines"));
        assertThat(BaselineStore.load(files))
                .extracting(b -> b.operationType() + "@" + b.latencyP95Ms())
                .containsExactlyInAnyOrder("SEARCH@12.0", "PROJECT_SWITCH@3.0");
    }
}
