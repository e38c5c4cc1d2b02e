package dev.mcpstack.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final EventThrottle throttle = new EventThrottle(Duration.ofSeconds(10), now::get);

    @Test
    void letsTheFirstOccurrenceThroughAndHoldsBackRepeatsWithinTheInterval() {
        assertThat(throttle.tryAcquire("connection_pool_exhausted")).isZero();
        assertThat(throttle.tryAcquire("connection_pool_exhausted")).isEqualTo(-1);
        assertThat(throttle.tryAcquire("connection_pool_exhausted")).isEqualTo(-1);
        assertThat(throttle.tryAcquire("slow_query"))
                .as("other events are independent")
                .isZero();
    }

    @Test
    void reportsHowManyWereSuppressedOnceTheIntervalHasPassed() {
        throttle.tryAcquire("slow_query");
        throttle.tryAcquire("slow_query");
        throttle.tryAcquire("slow_query");
        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(throttle.tryAcquire("slow_query")).isEqualTo(2);
    }
}
