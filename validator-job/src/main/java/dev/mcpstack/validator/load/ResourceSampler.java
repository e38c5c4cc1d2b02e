package dev.mcpstack.validator.load;

import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.model.ResourceUsageStats;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Samples the services once a second during a load run: pool utilization from {@code /health}, CPU and memory from
 * the Prometheus exposition (standard Micrometer gauges {@code process_cpu_usage} and {@code jvm_memory_used_bytes}).
 * Reads a handful of gauge lines, so a plain line split is enough; no Prometheus client needed.
 */
public final class ResourceSampler implements AutoCloseable {

    private final Http http;
    private final List<URI> bases;
    private final ScheduledExecutorService timer;
    private final List<double[]> samples = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ResourceSampler(Http http, List<URI> bases) {
        this.http = http;
        this.bases = List.copyOf(bases);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "resource-sampler");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        double cpu = 0;
        double memory = 0;
        double pool = 0;
        boolean any = false;
        for (URI base : bases) {
            try {
                JsonNode health = http.get(base.resolve("/health"), Map.of()).jsonOrNull();
                if (health != null && health.path("connection_pool").has("utilization_percent")) {
                    pool = Math.max(
                            pool,
                            health.path("connection_pool")
                                    .path("utilization_percent")
                                    .asDouble());
                    any = true;
                }
                Http.Response prometheus =
                        http.get(base.resolve("/actuator/prometheus"), Map.of("Accept", "text/plain"));
                if (prometheus.status() == 200) {
                    for (String line : prometheus.text().split("\n")) {
                        if (line.startsWith("process_cpu_usage")) {
                            cpu = Math.max(cpu, 100.0 * gaugeValue(line));
                            any = true;
                        } else if (line.startsWith("jvm_memory_used_bytes")) {
                            memory += gaugeValue(line) / (1024.0 * 1024.0);
                        }
                    }
                }
            } catch (RuntimeException e) {
                synchronized (notes) {
                    if (notes.size() < 5) {
                        notes.add("sampling " + base + " failed: " + e.getMessage());
                    }
                }
            }
        }
        if (any) {
            synchronized (samples) {
                samples.add(new double[] {Math.min(100, cpu), memory, Math.min(100, pool)});
            }
        }
    }

    public static double gaugeValue(String line) {
        String[] parts = line.trim().split("\\s+");
        try {
            double value = Double.parseDouble(parts[parts.length - 1]);
            return Double.isFinite(value) && value >= 0 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public ResourceUsageStats stop() {
        timer.shutdownNow();
        synchronized (samples) {
            if (samples.isEmpty()) {
                return ResourceUsageStats.none(notes.isEmpty() ? "no samples taken" : String.join("; ", notes));
            }
            double[] avg = new double[3];
            double[] max = new double[3];
            for (double[] sample : samples) {
                for (int i = 0; i < 3; i++) {
                    avg[i] += sample[i] / samples.size();
                    max[i] = Math.max(max[i], sample[i]);
                }
            }
            return new ResourceUsageStats(
                    round(Math.min(avg[0], max[0])), round(max[0]),
                    round(Math.min(avg[1], max[1])), round(max[1]),
                    round(Math.min(avg[2], max[2])), round(max[2]),
                    samples.size(), List.copyOf(notes));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static double round(double value) {
        return Math.floor(value * 100.0) / 100.0;
    }
}
