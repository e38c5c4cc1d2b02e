package dev.mcpstack.validator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.PassStatus;
import org.junit.jupiter.api.Test;

/** The self-check flags a benchmark figure more than 20 % away from the load engine's, at its exact edge too. */
class SelfCheckTest {

    @Test
    void agreesWithinTwentyPercent() {
        var check = SelfCheck.judge("self-check", 12.0, 10.0, 1, 500, 0L);

        assertThat(check.status()).isEqualTo(PassStatus.PASS);
        assertThat(check.detail())
                .contains("benchmark p95 12.00 ms vs load engine p95 10.00 ms")
                .contains("+20.0 %");
    }

    @Test
    void aSlowerBenchmarkNamesTheCompilersTimeDuringItNotItsClient() {
        var check = SelfCheck.judge("self-check", 12.5, 10.0, 10, 500, 840L);

        assertThat(check.status()).isEqualTo(PassStatus.WARNING);
        assertThat(check.detail())
                .contains("+25.0 %")
                .contains("DISAGREES")
                .contains("the JIT compiled for 840 ms during its requests")
                .contains("not its client");
    }

    @Test
    void aFasterBenchmarkPointsAtTheMachine() {
        var check = SelfCheck.judge("self-check", 5.0, 10.0, 1, 500, 0L);

        assertThat(check.status()).isEqualTo(PassStatus.WARNING);
        assertThat(check.detail()).contains("-50.0 %").contains("machine's load changed");
    }
}
