package dev.mcpstack.validator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Where a figure was measured: a baseline from another machine or profile is not comparable silently. */
public record EnvironmentInfo(
        int cores, String jvmVersion, String os, @Nullable String gitCommit, String profile, String target) {

    public EnvironmentInfo {
        Checks.require(cores >= 1, "cores must be >= 1 but was " + cores);
        Checks.text(jvmVersion, "jvm_version");
        Checks.text(os, "os");
        Checks.text(profile, "profile");
        Checks.text(target, "target");
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
