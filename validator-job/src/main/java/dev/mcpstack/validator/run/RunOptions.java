package dev.mcpstack.validator.run;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@code run} was asked to do. {@code baseline} null means the baselines shipped in the jar. */
public record RunOptions(
        String target,
        List<String> suites,
        String profile,
        @Nullable String baseline,
        Path out,
        @Nullable Path codebaseJar,
        @Nullable Path workflowJar,
        @Nullable Path scenariosDir) {

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

    public boolean includes(String suite) {
        return suites.contains(suite);
    }
}
