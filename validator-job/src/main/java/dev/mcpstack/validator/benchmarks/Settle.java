package dev.mcpstack.validator.benchmarks;

import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.Platform;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Between a warm-up and the measured requests: waits until the services' processes have gone quiet, because their
 * JIT compilers keep compiling what the warm-up queued for seconds after it ended, on the same two cores as the
 * measurement (measured: one client's switches right after the warm-up p50 4.0 ms, half a minute later p95 2.6 ms).
 * Quiet means each service used under a tenth of a core over half a second; bounded by {@code limit}. Platforms that
 * cannot read the services' CPU time (a cluster) do not wait.
 */
public final class Settle {

    private static final Duration WINDOW = Duration.ofMillis(500);
    private static final double QUIET_SHARE_OF_A_CORE = 0.1;

    private Settle() {}

    /** How long it waited; the limit itself when the services never went quiet. */
    public static Duration await(Platform platform, Duration limit) {
        if (platform.cpuSeconds(ServerId.WORKFLOW).isEmpty()) {
            return Duration.ZERO;
        }
        return await(() -> perService(platform), limit, WINDOW);
    }

    /** {@code cpu}: CPU seconds used so far by each service, in the same order each time. */
    static Duration await(Supplier<double[]> cpu, Duration limit, Duration window) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        double quietSeconds = QUIET_SHARE_OF_A_CORE * window.toNanos() / 1e9;
        double[] last = cpu.get();
        while (System.nanoTime() < deadline) {
            // an interval to measure CPU over, not a wait for something to happen
            LockSupport.parkNanos(window.toNanos());
            double[] now = cpu.get();
            boolean quiet = true;
            for (int i = 0; i < now.length; i++) {
                quiet &= now[i] - last[i] < quietSeconds;
            }
            if (quiet) {
                break;
            }
            last = now;
        }
        return Duration.ofNanos(Math.min(System.nanoTime(), deadline) - start);
    }

    private static double[] perService(Platform platform) {
        ServerId[] servers = ServerId.values();
        double[] seconds = new double[servers.length];
        for (int i = 0; i < servers.length; i++) {
            seconds[i] = platform.cpuSeconds(servers[i]).orElse(0.0);
        }
        return seconds;
    }
}
