package dev.mcpstack.validator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The alert rules: valid for promtool, unit-tested by promtool (a firing and a quiet case per alert), the k8s copy
 * identical to the chart's, and every alert with a severity, a summary, a description and a runbook section.
 */
class MonitoringRulesTest {

    static final Path RULES = Tools.ROOT.resolve("helm/files/prometheus-rules.yaml");
    static final Path K8S_RULES = Tools.ROOT.resolve("k8s/monitoring/prometheus-rules.yaml");
    static final Path RULE_TESTS = Tools.ROOT.resolve("k8s/monitoring/prometheus-rules.test.yaml");
    static final Path RUNBOOKS = Tools.ROOT.resolve("docs/operations/alerts.md");
    static final List<String> REQUIRED = List.of(
            "ErrorBudgetBurnFast",
            "ErrorBudgetBurnSlow",
            "LatencyBudgetBurnFast",
            "LatencyBudgetBurnSlow",
            "DatabaseDown",
            "PoolSaturated",
            "CircuitBreakerOpen",
            "ServiceRestarting",
            "ValidationFailed",
            "ValidationStale",
            "ValidationLostWrites");

    @Test
    void theK8sRuleFileIsTheChartsOwn() throws Exception {
        assertThat(Files.readString(K8S_RULES))
                .as("k8s/monitoring/prometheus-rules.yaml must be a copy of helm/files/prometheus-rules.yaml")
                .isEqualTo(Files.readString(RULES));
    }

    @Test
    void promtoolAcceptsTheRules() {
        Tools.Result result =
                Tools.run(List.of(Tools.require("promtool").toString(), "check", "rules", RULES.toString()), "");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void promtoolUnitTestsPass() {
        Tools.Result result =
                Tools.run(List.of(Tools.require("promtool").toString(), "test", "rules", RULE_TESTS.toString()), "");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasAFiringAndAQuietUnitTest() throws Exception {
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (JsonNode test : Json.YAML.readTree(Files.readString(RULE_TESTS)).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                (check.path("exp_alerts").isEmpty() ? quiet : firing)
                        .add(check.path("alertname").asString());
            }
        }
        assertThat(firing)
                .containsExactlyInAnyOrderElementsOf(
                        alerts().stream().map(a -> a.path("alert").asString()).toList());
        assertThat(quiet).containsExactlyInAnyOrderElementsOf(firing);
    }

    @Test
    void everyAlertIsDescribedAndHasARunbookSection() throws Exception {
        String runbooks = Files.readString(RUNBOOKS);
        Set<String> anchors = new HashSet<>();
        Matcher heading = Pattern.compile("(?m)^#{2,3} (\\w+)$").matcher(runbooks);
        while (heading.find()) {
            anchors.add(heading.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode alert : alerts()) {
            String name = alert.path("alert").asString();
            names.add(name);
            assertThat(alert.path("labels").path("severity").asString())
                    .as(name)
                    .isIn("page", "ticket", "warning");
            assertThat(alert.path("annotations").path("summary").asString())
                    .as(name)
                    .isNotBlank();
            assertThat(alert.path("annotations").path("description").asString())
                    .as(name)
                    .isNotBlank();
            String runbook = alert.path("annotations").path("runbook_url").asString();
            assertThat(runbook)
                    .as(name)
                    .isEqualTo("https://mcp-stack.dev/docs/operations/alerts.md#"
                            + name.toLowerCase(java.util.Locale.ROOT));
            assertThat(anchors)
                    .as("a '## " + name + "' section in docs/operations/alerts.md")
                    .contains(name.toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(names).containsAll(REQUIRED).doesNotHaveDuplicates();
    }

    static List<JsonNode> alerts() throws Exception {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : Json.YAML.readTree(Files.readString(RULES)).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.add(rule);
                }
            }
        }
        return alerts;
    }
}
