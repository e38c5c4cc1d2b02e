package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.PassStatus;
import org.junit.jupiter.api.Test;

/** The staged load's {@code /health} answers judged on their p99, and what the detail says. */
class HealthUnderLoadTest {

    @Test
    void healthUnderItsTargetPasses() {
        LoadStats stats = new LoadStats();
        for (int i = 0; i < 100; i++) {
            stats.recordSuccess("health", 1_000 + i * 10);
            stats.recordSuccess("search", 30_000);
        }

        var check = LoadVerdicts.healthUnderLoad("health under load codebase-mcp", stats, 0.25, 40.0, 120, 10);

        assertThat(check.status()).isEqualTo(PassStatus.PASS);
        assertThat(check.detail())
                .contains("100 requests to /health")
                .contains("(< 10 ms ok)")
                .contains("dispatch lag p99 0.25 ms")
                .contains("the JIT compiled for 120 ms during the window");
    }

    @Test
    void aSlowTailFailsNamingTheFigure() {
        LoadStats stats = new LoadStats();
        for (int i = 0; i < 95; i++) {
            stats.recordSuccess("health", 1_000);
        }
        for (int i = 0; i < 5; i++) {
            stats.recordSuccess("health", 25_000);
        }

        var check = LoadVerdicts.healthUnderLoad("health under load workflow-mcp", stats, 0.25, 40.0, 120, 10);

        assertThat(check.status()).isEqualTo(PassStatus.FAIL);
        assertThat(check.detail())
                .contains("p99 25.")
                .contains("(< 10 ms EXCEEDED)")
                .contains("cores 40 % busy over the window, so not saturation");
    }

    @Test
    void aFailedHealthRequestFailsEvenWhenFast() {
        LoadStats stats = new LoadStats();
        stats.recordSuccess("health", 1_000);
        stats.record("health", 1_000, "http_503");

        assertThat(LoadVerdicts.healthUnderLoad("h", stats, 0.25, 40.0, 120, 10).status())
                .isEqualTo(PassStatus.FAIL);
    }

    @Test
    void aMixWithoutHealthIsReportedNotPassed() {
        LoadStats stats = new LoadStats();
        stats.recordSuccess("search", 1_000);

        var check = LoadVerdicts.healthUnderLoad("h", stats, 0.25, 40.0, 120, 10);

        assertThat(check.status()).isEqualTo(PassStatus.FAIL);
        assertThat(check.detail()).isEqualTo("the staged load sent no /health request");
    }
}
