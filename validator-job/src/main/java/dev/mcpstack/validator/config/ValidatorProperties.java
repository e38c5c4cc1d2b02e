package dev.mcpstack.validator.config;

import dev.mcpstack.validator.load.Stage;
import dev.mcpstack.validator.model.OperationType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything tunable without a rebuild (defaults in application.yaml, override with {@code --validator.x=y} or env):
 * per-operation targets, the regression tolerances, load thresholds and the profiles; {@code class-data-sharing}
 * (default true) starts the local target's services from a CDS archive.
 */
@ConfigurationProperties("validator")
public record ValidatorProperties(
        Map<String, Double> targetsMs,
        Regression regression,
        LoadThresholds load,
        Map<String, Profile> profiles,
        Duration startupTimeout,
        Duration requestTimeout,
        @Nullable Boolean classDataSharing) {

    public ValidatorProperties {
        targetsMs = targetsMs == null ? Map.of() : Map.copyOf(targetsMs);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        regression = regression == null ? new Regression(5, 10) : regression;
        load = load == null ? new LoadThresholds(2000, 1, 50, 0) : load;
        startupTimeout = startupTimeout == null ? Duration.ofSeconds(180) : startupTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        classDataSharing = classDataSharing == null || classDataSharing;
    }

    public @Nullable Double targetMs(OperationType operation) {
        return targetsMs.entrySet().stream()
                .filter(e -> OperationType.parse(e.getKey()) == operation)
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The target for a measured result: the index target is per 10 000 files and scales with {@code file_count}. */
    public @Nullable Double targetFor(dev.mcpstack.validator.model.PerformanceBenchmarkResult result) {
        Double target = targetMs(result.operationType());
        if (target == null || result.operationType() != OperationType.INDEX) {
            return target;
        }
        Object files = result.testParameters().get("file_count");
        return files instanceof Number count ? target * Math.max(1.0, count.doubleValue() / 10_000.0) : target;
    }

    public Profile profile(String name) {
        Profile profile = profiles.get(name);
        if (profile == null) {
            throw new IllegalArgumentException(
                    "unknown profile '" + name + "'; known: " + String.join(", ", profiles.keySet()));
        }
        return profile;
    }

    /** Warn when p95 grows more than {@code warnPercent} over the baseline, fail above {@code failPercent}. */
    public record Regression(double warnPercent, double failPercent) {}

    /**
     * k6-style thresholds for every load run (p95 and error rate), and the SPEC's stricter figures for the
     * 50-concurrent-client run.
     */
    public record LoadThresholds(
            double maxP95Ms, double maxErrorPercent, double concurrentP95Ms, double concurrentErrorPercent) {}

    /**
     * Sizes of one profile: how much each suite does. {@code warmupTime}: unrecorded load from the benchmark's
     * concurrent clients before each request benchmark's counted warm-up (none when unset), so the freshly started
     * services' JIT has compiled the request path before anything is timed.
     */
    public record Profile(
            int files,
            int searches,
            int searchClients,
            int projectSwitches,
            int entities,
            int entityQueries,
            int healthRequests,
            List<Stage> stages,
            int openRate,
            Duration openDuration,
            @Nullable Duration warmupTime) {

        public Profile {
            stages = stages == null ? List.of() : List.copyOf(stages);
            warmupTime = warmupTime == null ? Duration.ZERO : warmupTime;
        }
    }
}
