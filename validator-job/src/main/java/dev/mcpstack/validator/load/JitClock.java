package dev.mcpstack.validator.load;

import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.Platform;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Seconds the JIT compiler threads have spent compiling so far (elapsed, summed over the threads, so it can exceed
 * the wall time): this JVM's (its clients share the cores locally) plus every service's
 * {@code jvm_compilation_seconds_total} from its {@code /metrics}. A freshly started service compiles for
 * tens of seconds under its first load (measured: 28 s of compiling in workflow-mcp's first 40 s of the quick
 * run, about one of the two cores), and while it does, one client's project switches took p50 4.9 ms against 1.4 ms
 * once it had stopped. A service that cannot be read (an older image, a scrape error) adds nothing.
 */
public final class JitClock {

    static final String METRIC = "jvm_compilation_seconds_total";

    private final Http http;
    private final Platform platform;
    private final CompilationMXBean own = ManagementFactory.getCompilationMXBean();

    public JitClock(Http http, Platform platform) {
        this.http = http;
        this.platform = platform;
    }

    public double seconds() {
        double seconds =
                own != null && own.isCompilationTimeMonitoringSupported() ? own.getTotalCompilationTime() / 1000.0 : 0;
        for (ServerId server : ServerId.values()) {
            seconds += serviceSeconds(server);
        }
        return seconds;
    }

    private double serviceSeconds(ServerId server) {
        try {
            Http.Response metrics =
                    http.get(platform.baseUrl(server).resolve("/metrics"), Map.of("Accept", "text/plain"));
            return metrics.status() == 200 ? parse(metrics.text()) : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The counter's value in a Prometheus exposition; 0 when it is not there. */
    static double parse(String exposition) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(METRIC + "{") || line.startsWith(METRIC + " "))
                .mapToDouble(ResourceSampler::gaugeValue)
                .sum();
    }
}
