package dev.mcpstack.validator.load;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * A warm-up that lasts until the services are warm rather than for a fixed count: rounds of unrecorded load until a
 * round completes fewer than {@value #GAIN_PERCENT} % more requests than the one before <em>and</em> the JIT
 * compilers ({@link JitClock}) worked for under a tenth of it, bounded by the profile's
 * {@code warmup-time}. The rate alone stopped too early: on two cores the compilers take one of them, so the rate
 * flattens while they still work (measured: the rate criterion ended the switch warm-up after 4 s, and one client's
 * switches then went from p50 4.9 to 1.4 ms over the next 30 s as the compilers finished).
 */
public final class SteadyState {

    public static final Duration ROUND = Duration.ofSeconds(1);
    static final int GAIN_PERCENT = 10;
    static final double QUIET_JIT_SHARE_OF_A_CORE = 0.1;

    /**
     * @param rounds how many rounds ran
     * @param steady whether the last one met both conditions (false: the limit ended the warm-up)
     * @param lastRoundJitSeconds seconds the compilers worked during the last round (NaN when none ran)
     */
    public record Warmed(int rounds, boolean steady, double lastRoundJitSeconds) {
        public static final Warmed NONE = new Warmed(0, false, Double.NaN);
    }

    private SteadyState() {}

    /**
     * {@code round} runs one round and returns how many requests it completed; {@code jitSeconds} reads the
     * seconds the compilers have worked so far.
     */
    public static Warmed warm(LongSupplier round, DoubleSupplier jitSeconds, Duration limit) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long previous = -1;
        int rounds = 0;
        double jit = Double.NaN;
        double before = jitSeconds.getAsDouble();
        while (System.nanoTime() < deadline) {
            long roundStart = System.nanoTime();
            long completed = round.getAsLong();
            double after = jitSeconds.getAsDouble();
            jit = after - before;
            before = after;
            rounds++;
            double quietJit = QUIET_JIT_SHARE_OF_A_CORE * (System.nanoTime() - roundStart) / 1e9;
            if (previous >= 0 && completed * 100 < previous * (100 + GAIN_PERCENT) && jit < quietJit) {
                return new Warmed(rounds, true, jit);
            }
            previous = completed;
        }
        return rounds == 0 ? Warmed.NONE : new Warmed(rounds, false, jit);
    }
}
