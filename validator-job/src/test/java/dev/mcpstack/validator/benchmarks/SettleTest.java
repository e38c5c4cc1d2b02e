package dev.mcpstack.validator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Waiting for the services to go quiet after a warm-up: when it stops, and that it is bounded. */
class SettleTest {

    private static final Duration WINDOW = Duration.ofMillis(20);

    @Test
    void stopsAtTheFirstWindowInWhichEveryServiceWasQuiet() {
        AtomicInteger reads = new AtomicInteger();
        // busy for the first three windows (a whole core each), then flat
        Duration waited = Settle.await(
                () -> {
                    int n = Math.min(reads.getAndIncrement(), 3);
                    return new double[] {n * 0.02, 1.0};
                },
                Duration.ofSeconds(10),
                WINDOW);

        assertThat(reads.get()).isEqualTo(5);
        assertThat(waited).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void oneBusyServiceKeepsItWaitingUntilTheLimit() {
        AtomicInteger reads = new AtomicInteger();
        Duration waited =
                Settle.await(() -> new double[] {0.0, reads.incrementAndGet() * 0.02}, Duration.ofMillis(200), WINDOW);

        assertThat(waited).isEqualTo(Duration.ofMillis(200));
        assertThat(reads.get()).isGreaterThan(2);
    }
}
