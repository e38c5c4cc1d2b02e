package dev.mcpstack.validator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpstack.validator.ValidatorApplication;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.ServiceJars;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * End to end through the command line: embedded PostgreSQL and the real service jars as child processes, the
 * {@code smoke} profile (200 files, a few hundred requests, 5 s of load), every suite. Performance verdicts depend on
 * the machine, so this asserts that every suite ran and reported, and that the exit code follows the verdict.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LocalValidationTest {

    @TempDir
    static Path work;

    static Path out;
    static int exitCode;
    static JsonNode report;

    @BeforeAll
    static void runSmokeValidation() throws Exception {
        assumeTrue(
                ServiceJars.available(ServerId.CODEBASE) && ServiceJars.available(ServerId.WORKFLOW),
                "service jars missing (apps/*/target/*-exec.jar): build them with ./mvnw -q install -DskipTests first");
        out = work.resolve("validation");
        // a generous start-up limit: on a shared 2-core machine a service start can exceed the default 180 s
        exitCode = cli(
                "run",
                "--target",
                "local",
                "--profile",
                "smoke",
                "--out",
                out.toString(),
                "--validator.startup-timeout=600s");
        report = Json.MAPPER.readTree(Files.readString(out.resolve("report.json")));
    }

    @Test
    void writesTheThreeReports() throws Exception {
        assertThat(out.resolve("report.md"))
                .content()
                .startsWith("# Validation report")
                .contains("## Checks");
        assertThat(out.resolve("metrics.prom"))
                .as("the results as metrics, written with or without --pushgateway")
                .content()
                .contains("# TYPE mcp_validation_verdict gauge")
                .contains("mcp_validation_check_status{");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html)
                .contains("<svg")
                .contains("<style>")
                .doesNotContain("<script")
                .doesNotContain("src=\"http")
                .doesNotContain("<link");
    }

    @Test
    void runsEverySuite() {
        List<String> suites = new ArrayList<>();
        report.path("checks").forEach(check -> suites.add(check.path("suite").asString()));
        assertThat(suites)
                .contains("benchmarks", "scenarios", "load", "observability")
                .doesNotContain("platform");

        List<String> operations = new ArrayList<>();
        report.path("benchmarks")
                .forEach(b -> operations.add(b.path("server_id").asString() + "/"
                        + b.path("operation_type").asString()));
        assertThat(operations)
                .containsExactlyInAnyOrder(
                        "codebase-mcp/index",
                        "codebase-mcp/search",
                        "workflow-mcp/project_switch",
                        "workflow-mcp/entity_query",
                        "codebase-mcp/health",
                        "workflow-mcp/health");

        assertThat(report.path("scenarios")).hasSize(4);
        report.path("scenarios")
                .forEach(s -> assertThat(s.path("last_run_status").asString()).isIn("pass", "fail"));
        assertThat(report.path("load").size()).isGreaterThanOrEqualTo(2);
        report.path("load")
                .forEach(l -> assertThat(l.path("total_requests").asLong()).isPositive());
    }

    @Test
    void indexesTheGeneratedRepositoryAndRecordsTheEnvironment() {
        JsonNode index = find("index");
        assertThat(index.path("test_parameters").path("files_indexed").asInt()).isEqualTo(200);
        // written before the clock started, uploaded from the file
        assertThat(index.path("test_parameters").path("archive_bytes").asLong()).isPositive();
        assertThat(index.path("test_parameters").has("archive_written_ms")).isTrue();
        assertThat(index.path("environment").path("profile").asString()).isEqualTo("smoke");
        assertThat(index.path("environment").path("cores").asInt()).isPositive();
    }

    @Test
    void exitCodeFollowsTheVerdict() {
        boolean anyFailed = false;
        for (JsonNode check : report.path("checks")) {
            anyFailed |= check.path("status").asString().equals("fail");
        }
        assertThat(report.path("verdict").asString()).isIn("pass", "warning", "fail");
        assertThat(report.path("verdict").asString().equals("fail")).isEqualTo(anyFailed);
        assertThat(exitCode).isEqualTo(anyFailed ? 1 : 0);
    }

    @Test
    void compareFailsAgainstARegressedBaselineAndPassesAgainstItself() throws Exception {
        Path current = out.resolve("report.json");
        Path regressed = work.resolve("regressed");
        Files.createDirectories(regressed);
        int saved = cli("baseline", "save", "--from", current.toString(), "--dir", regressed.toString());
        assertThat(saved).isZero();
        try (var files = Files.list(regressed)) {
            List<Path> baselines = files.toList();
            assertThat(baselines)
                    .hasSize(report.path("benchmarks").size())
                    .allSatisfy(file -> assertThat(file.getFileName().toString())
                            .matches("(codebase|workflow)-mcp_[a-z_]+_\\d{8}T\\d{6}Z\\.json"));
            for (Path file : baselines) {
                // the baseline claims everything used to be twice as fast: a 100 % regression
                ObjectNode node = (ObjectNode) Json.MAPPER.readTree(Files.readString(file));
                for (String field : List.of(
                        "latency_p50_ms",
                        "latency_p95_ms",
                        "latency_p99_ms",
                        "latency_mean_ms",
                        "latency_min_ms",
                        "latency_max_ms")) {
                    node.put(field, node.path(field).asDouble() / 2);
                }
                Files.writeString(file, Json.pretty(node));
            }
        }

        String[] output = new String[1];
        int regressedExit =
                captured(output, "compare", "--current", current.toString(), "--baseline", regressed.toString());

        assertThat(regressedExit).isEqualTo(1);
        assertThat(output[0]).contains("regression above 10 %").contains("verdict: FAIL");

        int selfExit = captured(
                output,
                "compare",
                "--current",
                current.toString(),
                "--baseline",
                current.toString(),
                "--validator.targets-ms.index=1000000",
                "--validator.targets-ms.search=1000000",
                "--validator.targets-ms.project-switch=1000000",
                "--validator.targets-ms.entity-query=1000000",
                "--validator.targets-ms.health=1000000");
        assertThat(output[0]).doesNotContain("regression above").contains("verdict: PASS");
        assertThat(selfExit).isZero();
    }

    private static JsonNode find(String operation) {
        for (JsonNode b : report.path("benchmarks")) {
            if (b.path("operation_type").asString().equals(operation)) {
                return b;
            }
        }
        throw new AssertionError("no " + operation + " benchmark in " + report.path("benchmarks"));
    }

    static int cli(String... args) {
        return SpringApplication.exit(SpringApplication.run(ValidatorApplication.class, args));
    }

    static int captured(String[] output, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            return cli(args);
        } finally {
            System.setOut(original);
            output[0] = buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
