package dev.mcpstack.validator.benchmarks;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A warm-up that lasts until the services are warm rather than for a fixed count: rounds of unrecorded load until a
 * round completes fewer than {@value #GAIN_PERCENT} % more requests than the one before (the JIT has compiled the
 * request path), bounded by the profile's {@code warmup-time}. A fixed count was too little on a freshly started
 * stack: 1 634 switches from 10 clients took 5 s there (both JVMs compiling on the same two cores) and left one
 * client's switches at p50 4.0 ms, against p95 2.7 ms for the same requests half a minute later.
 */
final class SteadyState {

    static final Duration ROUND = Duration.ofSeconds(1);
    static final int GAIN_PERCENT = 10;

    private SteadyState() {}

    /** {@code round} runs one round and returns how many requests it completed; returns how many rounds ran. */
    static int warm(LongSupplier round, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long previous = -1;
        int rounds = 0;
        while (System.nanoTime() < deadline) {
            long completed = round.getAsLong();
            rounds++;
            if (previous >= 0 && completed * 100 < previous * (100 + GAIN_PERCENT)) {
                break;
            }
            previous = completed;
        }
        return rounds;
    }
}
