package dev.mcpstack.validator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a figure was measured: a baseline from another machine or profile is not comparable silently. The machine
 * figures of a run (load average at its end, CPU steal over it, CPU seconds of the validator and of each service) are
 * set on the report's copy only; null where unknown (not Linux, or a result measured before they were recorded).
 */
public record EnvironmentInfo(
        int cores,
        String jvmVersion,
        String os,
        @Nullable String gitCommit,
        String profile,
        String target,
        @Nullable String loadAverage,
        @Nullable Double cpuStealPercent,
        @Nullable Double clientCpuSeconds,
        @Nullable Map<String, Double> serviceCpuSeconds) {

    public EnvironmentInfo {
        Checks.require(cores >= 1, "cores must be >= 1 but was " + cores);
        Checks.text(jvmVersion, "jvm_version");
        Checks.text(os, "os");
        Checks.text(profile, "profile");
        Checks.text(target, "target");
        serviceCpuSeconds = serviceCpuSeconds == null ? null : Map.copyOf(serviceCpuSeconds);
    }

    public EnvironmentInfo(
            int cores, String jvmVersion, String os, @Nullable String gitCommit, String profile, String target) {
        this(cores, jvmVersion, os, gitCommit, profile, target, null, null, null, null);
    }

    /** This environment with the machine figures of a finished run. */
    public EnvironmentInfo withMachine(
            @Nullable String loadAverage,
            @Nullable Double cpuStealPercent,
            @Nullable Double clientCpuSeconds,
            Map<String, Double> serviceCpuSeconds) {
        return new EnvironmentInfo(
                cores,
                jvmVersion,
                os,
                gitCommit,
                profile,
                target,
                loadAverage,
                cpuStealPercent,
                clientCpuSeconds,
                serviceCpuSeconds);
    }

    /** The differences that make two measurements not directly comparable (empty when comparable). */
    public List<String> differencesFrom(EnvironmentInfo other) {
        List<String> differences = new ArrayList<>();
        if (cores != other.cores) {
            differences.add("cores " + other.cores + " -> " + cores);
        }
        if (!jvmMajor(jvmVersion).equals(jvmMajor(other.jvmVersion))) {
            differences.add("jvm " + other.jvmVersion + " -> " + jvmVersion);
        }
        if (!Objects.equals(profile, other.profile)) {
            differences.add("profile " + other.profile + " -> " + profile);
        }
        if (!Objects.equals(target, other.target)) {
            differences.add("target " + other.target + " -> " + target);
        }
        return differences;
    }

    private static String jvmMajor(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
