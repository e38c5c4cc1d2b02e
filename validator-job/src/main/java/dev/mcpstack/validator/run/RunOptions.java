package dev.mcpstack.validator.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code run} was asked to do. {@code baseline} null means the baselines shipped in the jar; {@code thinkTime}
 * null the configured default (1 s), {@code soak} null the profile's soak (none but in {@code full}).
 */
public record RunOptions(
        String target,
        List<String> suites,
        String profile,
        @Nullable String baseline,
        Path out,
        @Nullable Path codebaseJar,
        @Nullable Path workflowJar,
        @Nullable Path scenariosDir,
        @Nullable Duration thinkTime,
        @Nullable Duration soak) {

    public static final List<String> ALL_SUITES =
            List.of("benchmarks", "scenarios", "load", "observability", "resilience");

    public RunOptions {
        suites = List.copyOf(suites);
        for (String suite : suites) {
            if (!ALL_SUITES.contains(suite)) {
                throw new IllegalArgumentException("unknown suite '" + suite + "'; known: " + ALL_SUITES);
            }
        }
    }

    public RunOptions(
            String target,
            List<String> suites,
            String profile,
            @Nullable String baseline,
            Path out,
            @Nullable Path codebaseJar,
            @Nullable Path workflowJar,
            @Nullable Path scenariosDir) {
        this(target, suites, profile, baseline, out, codebaseJar, workflowJar, scenariosDir, null, null);
    }

    public boolean includes(String suite) {
        return suites.contains(suite);
    }
}
