package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * When the warm-up stops: at the first round that is not 10 % faster than the one before while the JIT compilers
 * used under a tenth of a core, or at its limit.
 */
class SteadyStateTest {

    private static final double NO_JIT = 0;

    @Test
    void stopsAtTheFirstRoundThatIsNotTenPercentFasterOnceTheCompilersAreQuiet() {
        // a JIT at work: 300, 900, 1 800, 2 000 (+11 %), 2 100 (+5 %: steady)
        Iterator<Long> rounds =
                List.of(300L, 900L, 1_800L, 2_000L, 2_100L, 9_999L).iterator();

        SteadyState.Warmed warmed = SteadyState.warm(rounds::next, () -> NO_JIT, Duration.ofMinutes(1));

        assertThat(warmed.rounds()).isEqualTo(5);
        assertThat(warmed.steady()).isTrue();
        assertThat(warmed.lastRoundJitSeconds()).isZero();
        assertThat(rounds.next()).isEqualTo(9_999L);
    }

    @Test
    void aFlatRateIsNotSteadyWhileTheCompilersStillWork() {
        // the rate stops rising after the second round, but the compilers take half a core, then 0.3, then nothing
        Iterator<Long> rounds =
                List.of(1_000L, 1_500L, 1_500L, 1_520L, 1_510L, 9_999L).iterator();
        Iterator<Double> jit = List.of(0.0, 0.9, 1.8, 2.3, 2.6, 2.6).iterator();

        SteadyState.Warmed warmed = SteadyState.warm(rounds::next, jit::next, Duration.ofMinutes(1));

        assertThat(warmed.rounds()).isEqualTo(5);
        assertThat(warmed.steady()).isTrue();
        assertThat(warmed.lastRoundJitSeconds()).isZero();
    }

    @Test
    void aFallingRateIsSteadyToo() {
        Iterator<Long> rounds = List.of(2_000L, 1_500L, 3_000L).iterator();

        assertThat(SteadyState.warm(rounds::next, () -> NO_JIT, Duration.ofMinutes(1))
                        .rounds())
                .isEqualTo(2);
    }

    @Test
    void aRateThatKeepsRisingRunsUntilTheLimitAndSaysSo() {
        AtomicInteger calls = new AtomicInteger();
        SteadyState.Warmed warmed = SteadyState.warm(
                () -> {
                    pause();
                    return 1L << Math.min(calls.incrementAndGet(), 60);
                },
                () -> NO_JIT,
                Duration.ofMillis(100));

        assertThat(warmed.rounds()).isEqualTo(calls.get()).isBetween(2, 20);
        assertThat(warmed.steady()).isFalse();
    }

    @Test
    void compilersThatNeverGoQuietRunUntilTheLimit() {
        AtomicInteger reads = new AtomicInteger();
        SteadyState.Warmed warmed = SteadyState.warm(
                () -> {
                    pause();
                    return 1_000L;
                },
                () -> reads.incrementAndGet(), // a whole second of compiling per round of 10 ms
                Duration.ofMillis(100));

        assertThat(warmed.steady()).isFalse();
        assertThat(warmed.rounds()).isBetween(2, 20);
        assertThat(warmed.lastRoundJitSeconds()).isEqualTo(1.0);
    }

    @Test
    void noTimeMeansNoRound() {
        assertThat(SteadyState.warm(() -> 1L, () -> NO_JIT, Duration.ZERO)).isEqualTo(SteadyState.Warmed.NONE);
    }

    private static void pause() {
        try {
            Thread.sleep(10); // stands for a round's load, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
