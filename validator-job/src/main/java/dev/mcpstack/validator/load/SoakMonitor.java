package dev.mcpstack.validator.load;

import dev.mcpstack.validator.config.LoadModes.SoakLimits;
import dev.mcpstack.validator.http.Http;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Watches one service through a soak: a {@code /health} probe every second (uptime = answered 200 within a second),
 * the pool size from the same answer, and threads and heap from the Prometheus exposition; at the end the slope of
 * each per hour. Heap after GC is approximated by the lowest heap used within each window: garbage comes and goes
 * within a window, a leak raises the floor.
 */
public final class SoakMonitor implements AutoCloseable {

    private final Http http;
    private final URI base;
    private final ScheduledExecutorService timer;
    private final long start = System.nanoTime();
    private final List<double[]> pool = new ArrayList<>();
    private final List<double[]> threads = new ArrayList<>();
    private final List<double[]> heap = new ArrayList<>();
    private long probes;
    private long up;

    public SoakMonitor(URI base) {
        this.http = new Http(Duration.ofSeconds(1));
        this.base = base;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "soak-monitor");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::probe, 0, 1, TimeUnit.SECONDS);
    }

    /** Uptime in percent and the slopes per hour (from a least-squares fit, so a short soak is noisy). */
    public record Figures(
            long probes,
            double uptimePercent,
            double heapMbPerHour,
            double poolConnectionsPerHour,
            double threadsPerHour) {}

    private void probe() {
        double hours = (System.nanoTime() - start) / 3.6e12;
        boolean ok = false;
        try {
            Http.Response health = http.get(base.resolve("/health"), Map.of());
            ok = health.status() == 200;
            JsonNode body = health.jsonOrNull();
            if (body != null && body.path("connection_pool").has("size")) {
                add(pool, hours, body.path("connection_pool").path("size").asDouble());
            }
            Http.Response prometheus = http.get(base.resolve("/actuator/prometheus"), Map.of("Accept", "text/plain"));
            if (prometheus.status() == 200) {
                double heapBytes = 0;
                for (String line : prometheus.text().split("\n")) {
                    if (line.startsWith("jvm_threads_live_threads")) {
                        add(threads, hours, ResourceSampler.gaugeValue(line));
                    } else if (line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
                        heapBytes += ResourceSampler.gaugeValue(line);
                    }
                }
                add(heap, hours, heapBytes / (1024.0 * 1024.0));
            }
        } catch (RuntimeException e) {
            // a probe that got no answer within a second is downtime; nothing else to record
        }
        synchronized (this) {
            probes++;
            up += ok ? 1 : 0;
        }
    }

    private synchronized void add(List<double[]> series, double hours, double value) {
        series.add(new double[] {hours, value});
    }

    public synchronized Figures stop(SoakLimits limits) {
        timer.shutdownNow();
        double window = limits.heapWindow().toNanos() / 3.6e12;
        // the first tenth is the pool and the JIT settling to the load, not a trend
        double settled = (System.nanoTime() - start) / 3.6e12 / 10;
        return new Figures(
                probes,
                probes == 0 ? 0 : Math.floor(100_000.0 * up / probes) / 1000.0,
                slope(windowMinima(after(heap, settled), window)),
                slope(after(pool, settled)),
                slope(after(threads, settled)));
    }

    private static List<double[]> after(List<double[]> series, double hours) {
        return series.stream().filter(point -> point[0] >= hours).toList();
    }

    /** The lowest value within each window of {@code width} hours, at the window's middle. */
    static List<double[]> windowMinima(List<double[]> series, double width) {
        Map<Long, double[]> minima = new java.util.TreeMap<>();
        for (double[] point : series) {
            long window = (long) Math.floor(point[0] / width);
            minima.merge(window, new double[] {(window + 0.5) * width, point[1]}, (a, b) -> a[1] <= b[1] ? a : b);
        }
        return List.copyOf(minima.values());
    }

    /** Least-squares slope of value over time; 0 with fewer than two points. */
    static double slope(List<double[]> series) {
        int n = series.size();
        if (n < 2) {
            return 0;
        }
        double meanX = series.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double meanY = series.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] point : series) {
            covariance += (point[0] - meanX) * (point[1] - meanY);
            variance += (point[0] - meanX) * (point[0] - meanX);
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
