package dev.mcpstack.validator.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The load suite's modes beyond the staged run (SPEC §6): the think time of the staged model, the capacity search
 * (per-operation p95 targets, steps, floors per profile), stress without think time, and soak with its limits; and
 * the p99 that {@code /health} must keep while the staged load runs (issue 14: 10 ms, against 5 ms idle).
 * A separate prefix so the profiles of {@link ValidatorProperties} keep their shape.
 */
@ConfigurationProperties("validator.load-modes")
public record LoadModes(
        Duration thinkTime,
        Map<String, Double> capacityTargetsMs,
        SoakLimits soakLimits,
        Map<String, ProfileModes> profiles,
        @Nullable Double healthUnderLoadP99Ms) {

    public LoadModes {
        healthUnderLoadP99Ms = healthUnderLoadP99Ms == null ? 10.0 : healthUnderLoadP99Ms;
        thinkTime = thinkTime == null ? Duration.ofSeconds(1) : thinkTime;
        capacityTargetsMs = capacityTargetsMs == null ? Map.of() : Map.copyOf(capacityTargetsMs);
        soakLimits = soakLimits == null ? new SoakLimits(99.9, 64, 1, 5, Duration.ofSeconds(30)) : soakLimits;
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    }

    /** The capacity target of a load operation ({@code project_switch} or {@code project-switch}); null: none. */
    public @Nullable Double capacityTargetMs(String operation) {
        return capacityTargetsMs.get(operation.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The modes of {@code profile} for one run; {@code soak}, when given, replaces the profile's soak. */
    public Plan plan(String profile, @Nullable Duration thinkTime, @Nullable Duration soak) {
        ProfileModes modes = profile(profile);
        return new Plan(
                thinkTime == null ? this.thinkTime : thinkTime,
                modes.stress(),
                modes.capacity(),
                soak == null ? modes.soak() : soak);
    }

    /** What one run's load suite does beyond the profile's stages and open model. */
    public record Plan(
            Duration thinkTime, Duration stress, @Nullable Capacity capacity, Duration soak) {
        public Plan {
            if (thinkTime.isNegative() || soak.isNegative()) {
                throw new IllegalArgumentException("--think-time and --soak must not be negative");
            }
        }
    }

    /** A profile without an entry runs neither stress, capacity nor soak. */
    public ProfileModes profile(String name) {
        return profiles.getOrDefault(name, new ProfileModes(Duration.ZERO, null, Duration.ZERO));
    }

    /**
     * {@code stress}: how long the peak VUs run without think time (zero: not run); {@code soak}: the soak length
     * (zero: not run unless {@code --soak} asks).
     */
    public record ProfileModes(Duration stress, @Nullable Capacity capacity, Duration soak) {
        public ProfileModes {
            stress = stress == null ? Duration.ZERO : stress;
            soak = soak == null ? Duration.ZERO : soak;
        }
    }

    /**
     * Open-model steps from {@code startRate}, each {@code factor} times the last, {@code step} long, at most
     * {@code maxSteps}; the highest rate held per service is judged against {@code floors} (requests/s by server id).
     */
    public record Capacity(int startRate, double factor, Duration step, int maxSteps, Map<String, Integer> floors) {
        public Capacity {
            if (startRate < 1 || factor <= 1 || maxSteps < 1 || step == null || step.isZero()) {
                throw new IllegalArgumentException(
                        "capacity needs start-rate >= 1, factor > 1, max-steps >= 1 and a step > 0");
            }
            floors = floors == null ? Map.of() : Map.copyOf(floors);
        }
    }

    /**
     * Soak fails below {@code uptimePercent} or when a resource grows faster than its limit per hour; heap after GC
     * is the lowest heap used within each {@code heapWindow} (a leak raises that floor, garbage does not).
     */
    public record SoakLimits(
            double uptimePercent,
            double heapMbPerHour,
            double poolConnectionsPerHour,
            double threadsPerHour,
            Duration heapWindow) {}
}
