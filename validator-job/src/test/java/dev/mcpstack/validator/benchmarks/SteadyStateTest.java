package dev.mcpstack.validator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the warm-up stops: once a round is not at least 10 % faster than the one before, or at its limit. */
class SteadyStateTest {

    @Test
    void stopsAtTheFirstRoundThatIsNotTenPercentFaster() {
        // a JIT at work: 300, 900, 1 800, 2 000 (+11 %), 2 100 (+5 %: steady)
        Iterator<Long> rounds =
                List.of(300L, 900L, 1_800L, 2_000L, 2_100L, 9_999L).iterator();

        int ran = SteadyState.warm(rounds::next, Duration.ofMinutes(1));

        assertThat(ran).isEqualTo(5);
        assertThat(rounds.next()).isEqualTo(9_999L);
    }

    @Test
    void aFallingRateIsSteadyToo() {
        Iterator<Long> rounds = List.of(2_000L, 1_500L, 3_000L).iterator();

        assertThat(SteadyState.warm(rounds::next, Duration.ofMinutes(1))).isEqualTo(2);
    }

    @Test
    void aRateThatKeepsRisingRunsUntilTheLimit() {
        AtomicInteger calls = new AtomicInteger();
        int ran = SteadyState.warm(
                () -> {
                    pause();
                    return 1L << Math.min(calls.incrementAndGet(), 60);
                },
                Duration.ofMillis(100));

        assertThat(ran).isEqualTo(calls.get()).isBetween(2, 20);
    }

    @Test
    void noTimeMeansNoRound() {
        assertThat(SteadyState.warm(() -> 1L, Duration.ZERO)).isZero();
    }

    private static void pause() {
        try {
            Thread.sleep(10); // stands for a round's load, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
