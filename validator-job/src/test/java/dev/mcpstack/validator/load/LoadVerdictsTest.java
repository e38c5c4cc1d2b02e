package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.ResourceUsageStats;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A missed load threshold names its likely cause from the run's own window: shedding first, then saturation of the
 * cores over that window, else the slowest operation with how busy the cores were.
 */
class LoadVerdictsTest {

    @Test
    void aMetThresholdNamesNoCause() {
        var check = LoadVerdicts.thresholds("50 concurrent clients", result(latencies(2_000), 0), 50, 0, 97.0);

        assertThat(check.status()).isEqualTo(PassStatus.PASS);
        assertThat(check.detail()).contains("(< 50 ms ok)").doesNotContain("likely cause");
    }

    @Test
    void aMissOnSaturatedCoresSaysSo() {
        var check = LoadVerdicts.thresholds("50 concurrent clients", result(latencies(80_000), 0), 50, 0, 96.0);

        assertThat(check.status()).isEqualTo(PassStatus.FAIL);
        assertThat(check.detail())
                .contains("(< 50 ms EXCEEDED)")
                .contains("likely cause: CPU saturation (cores 96 % busy over the window)");
    }

    @Test
    void aMissOnCoresWithRoomNamesTheSlowestOperationNotSaturation() {
        var check = LoadVerdicts.thresholds("50 concurrent clients", result(latencies(80_000), 0), 50, 0, 55.0);

        assertThat(check.detail())
                .contains("likely cause: the slowest operation, search (p95 80.")
                .contains("cores 55 % busy over the window, so not saturation")
                .doesNotContain("CPU saturation (");
    }

    @Test
    void sheddingComesBeforeTheCores() {
        var check = LoadVerdicts.thresholds("staged workflow-mcp", result(latencies(2_000), 10), 2_000, 1, 99.0);

        assertThat(check.status()).isEqualTo(PassStatus.FAIL);
        assertThat(check.detail()).contains("likely cause: pool shedding (503)");
    }

    private static LoadStats latencies(long micros) {
        LoadStats stats = new LoadStats();
        for (int i = 0; i < 100; i++) {
            stats.recordSuccess("search", micros + i);
        }
        return stats;
    }

    private static LoadTestResult result(LoadStats stats, int shed) {
        for (int i = 0; i < shed; i++) {
            stats.record("search", 500, LoadStats.SHED);
        }
        return LoadResults.toResult(
                stats,
                "svc",
                "closed",
                "closed",
                50,
                Instant.now(),
                Duration.ofSeconds(1),
                ResourceUsageStats.none("not sampled"));
    }
}
