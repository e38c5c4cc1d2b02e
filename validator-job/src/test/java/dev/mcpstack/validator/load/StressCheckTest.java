package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.ResourceUsageStats;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Stress passes on clean shedding that recovers at once, and names what else went wrong. */
class StressCheckTest {

    @Test
    void cleanSheddingThatRecoversPasses() {
        LoadStats stress = stats(90, "http_503", 10);

        var check = StressCheck.judge("stress", result(stress), stats(20, null, 0));

        assertThat(check.status()).isEqualTo(PassStatus.PASS);
        assertThat(check.detail())
                .contains("shed with 503 + Retry-After 10.00 %")
                .contains("clean 503: 0");
    }

    @Test
    void a503WithoutRetryAfterFailsAndSaysWhy() {
        LoadStats stress = stats(90, "http_503_without_retry_after", 10);

        var check = StressCheck.judge("stress", result(stress), stats(20, null, 0));

        assertThat(check.status()).isEqualTo(PassStatus.FAIL);
        assertThat(check.detail()).contains("http_503_without_retry_after=10").contains("does not set the header");
    }

    @Test
    void failuresAfterTheStressFail() {
        var check = StressCheck.judge("stress", result(stats(90, "http_503", 10)), stats(18, "http_503", 2));

        assertThat(check.status()).isEqualTo(PassStatus.FAIL);
        assertThat(check.detail()).contains("after the stress 2 of 20 paced requests failed (target 0 EXCEEDED)");
    }

    private static LoadStats stats(int ok, String errorType, int errors) {
        LoadStats stats = new LoadStats();
        for (int i = 0; i < ok; i++) {
            stats.recordSuccess("op", 1_000 + i);
        }
        for (int i = 0; i < errors; i++) {
            stats.record("op", 500, errorType);
        }
        return stats;
    }

    private static LoadTestResult result(LoadStats stats) {
        return LoadResults.toResult(
                stats,
                "svc",
                "stress",
                "closed",
                50,
                Instant.now(),
                Duration.ofSeconds(1),
                ResourceUsageStats.none("not sampled"));
    }
}
