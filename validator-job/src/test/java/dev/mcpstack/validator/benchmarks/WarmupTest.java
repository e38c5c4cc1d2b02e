package dev.mcpstack.validator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.config.ValidatorProperties.Profile;
import dev.mcpstack.validator.load.SteadyState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void quickWarmsUpLikeTheModuleBenchmarks() {
        // the quick profile's sizes (application.yaml): 10 000 files, 500 searches, 100 switches, 300 queries
        Warmup warmup = Warmup.of(profile(10_000, 500, 100, 300, Duration.ofSeconds(5)));

        assertThat(warmup).isEqualTo(new Warmup(2_000, 500, 100, 300, Duration.ofSeconds(5), 10));
    }

    @Test
    void smokeStaysSmallAndHasNoTimedWarmUp() {
        Warmup warmup = Warmup.of(profile(200, 100, 20, 50, null));

        assertThat(warmup).isEqualTo(new Warmup(40, 100, 20, 50, Duration.ZERO, 10));
    }

    @Test
    void aTinyProfileStillIndexesOneWarmUpFile() {
        assertThat(Warmup.of(profile(3, 0, 0, 0, null))).isEqualTo(new Warmup(1, 0, 0, 0, Duration.ZERO, 10));
    }

    @Test
    void recordsHowMuchWarmUpRanAndHowMuchOfItFailed() {
        Latencies warm = new Latencies();
        warm.record(1_000_000);
        warm.record(2_000_000);
        warm.fail("http_503", "pool busy");

        Map<String, Object> parameters = BenchmarkSuite.withWarmup(Map.of("searches", 500), warm);

        assertThat(parameters)
                .containsEntry("searches", 500)
                .containsEntry("warmup_requests", 3L)
                .containsEntry("warmup_failed_requests", 1L);
    }

    @Test
    void recordsWhetherTheWarmUpEndedSteadyAndTheCompilersTimeDuringTheMeasurement() {
        Latencies warm = new Latencies();
        warm.record(1_000_000);

        Map<String, Object> parameters =
                BenchmarkSuite.withWarmup(Map.of(), warm, new SteadyState.Warmed(12, false, 0.4321), 37);

        assertThat(parameters)
                .containsEntry("warmup_rounds", 12)
                .containsEntry("warmup_steady", false)
                .containsEntry("warmup_jit_ms_last_round", 432L)
                .containsEntry("jit_ms_during_measurement", 37L);
        assertThat(BenchmarkSuite.withWarmup(Map.of(), warm, SteadyState.Warmed.NONE, 0))
                .containsEntry("jit_ms_during_measurement", 0L)
                .doesNotContainKeys("warmup_rounds", "warmup_steady");
    }

    @Test
    void aCleanWarmUpRecordsNoFailures() {
        Latencies warm = new Latencies();
        warm.record(1_000_000);

        assertThat(BenchmarkSuite.withWarmup(Map.of(), warm))
                .containsEntry("warmup_requests", 1L)
                .doesNotContainKey("warmup_failed_requests");
    }

    private static Profile profile(
            int files, int searches, int switches, int entityQueries, @Nullable Duration warmupTime) {
        return new Profile(
                files,
                searches,
                10,
                switches,
                1_000,
                entityQueries,
                1_000,
                List.of(),
                200,
                Duration.ofSeconds(10),
                warmupTime);
    }
}
