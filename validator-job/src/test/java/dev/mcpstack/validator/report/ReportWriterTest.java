package dev.mcpstack.validator.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.Fixtures;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.ResilienceCheckResultTest;
import dev.mcpstack.validator.model.ResourceUsageStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesJsonMarkdownAndSelfContainedHtml() throws Exception {
        var search = Fixtures.benchmark(OperationType.SEARCH, 12.0)
                .withVerdict(
                        PassStatus.WARNING, 11.0, List.of("p95 12.00 ms vs baseline 11.00 ms (+9.1 %): above 5 %"));
        var load = new LoadTestResult(
                "l",
                "codebase-mcp",
                "staged <b>",
                "closed",
                50,
                30,
                Instant.now(),
                100,
                100,
                0,
                2,
                1,
                3,
                4,
                5,
                List.of(),
                ResourceUsageStats.none("x"),
                List.of(),
                List.of(
                        new LoadTestResult.TimelinePoint(0, 40, 0, 3, 10),
                        new LoadTestResult.TimelinePoint(1, 60, 0, 4, 20)));
        var checks = List.of(new CheckResult("benchmarks", "codebase-mcp search", PassStatus.WARNING, "a & b"));
        var report = new ValidationReport(
                "r",
                Instant.now(),
                Instant.now(),
                "local",
                "quick",
                List.of("benchmarks"),
                Fixtures.ENVIRONMENT,
                ValidationReport.verdictOf(checks),
                checks,
                List.of(search),
                List.of(),
                List.of(load),
                "shipped",
                List.of());

        ReportWriter.write(report, dir);

        assertThat(Json.MAPPER
                        .readTree(Files.readString(dir.resolve("report.json")))
                        .path("verdict")
                        .asString())
                .isEqualTo("warning");
        assertThat(dir.resolve("report.md"))
                .content()
                .contains("**Verdict: WARNING**")
                .contains("| codebase-mcp | search | 100 | 6.00 | 12.00 | 18.00 |");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html)
                .contains("<polyline")
                .contains("<rect")
                .contains("a &amp; b")
                .contains("staged &lt;b&gt;")
                .doesNotContain("<script")
                .doesNotContain("<link");
    }

    @Test
    void resilienceResultsGetATableRowAndATimelineWithTheirFaultMarked() throws Exception {
        var passed = ResilienceCheckResultTest.result(8, 1, 4, 0, PassStatus.PASS);
        var lost = ResilienceCheckResultTest.result(8, 0, 4, 1, PassStatus.FAIL);
        var report = new ValidationReport(
                "r",
                Instant.now(),
                Instant.now(),
                "local",
                "quick",
                List.of("resilience"),
                Fixtures.ENVIRONMENT,
                PassStatus.FAIL,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "shipped",
                List.of(passed, lost));

        ReportWriter.write(report, dir);

        var json = Json.MAPPER.readTree(Files.readString(dir.resolve("report.json")));
        assertThat(json.path("resilience")).hasSize(2);
        assertThat(json.path("resilience").get(1).path("lost_writes").asLong()).isEqualTo(1);
        assertThat(dir.resolve("report.md"))
                .content()
                .contains("## Resilience (ms)")
                .contains("| process_kill | codebase-mcp | 12 | 7100 | - | 8 | 1 | 4 | 0 | PASS |")
                .contains("| process_kill | codebase-mcp | 12 | 7100 | - | 8 | 0 | 4 | 1 | FAIL |");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html)
                .contains("<h2>Resilience</h2>")
                .contains("aria-label=\"process_kill-codebase-mcp timeline\"")
                .contains("stroke-dasharray")
                .contains(">process_kill 1</text>")
                .contains("1 of 4 acknowledged writes lost")
                .doesNotContain("<script");
    }
}
