package dev.mcpstack.validator.run;

import dev.mcpstack.validator.kubernetes.KubernetesSettings;
import dev.mcpstack.validator.model.FaultKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@code run} was asked to do. {@code baseline} null means the baselines shipped in the jar ({@code
 * configmap:NAME} reads them from a ConfigMap in-cluster); {@code thinkTime} null the configured default (1 s),
 * {@code soak} null the profile's soak (none but in {@code full}). {@code release}, {@code namespace} (null: the
 * validator's own), {@code allowNamespaces} (empty: the own namespace) and {@code reportsToKeep} are for {@code
 * --target kubernetes}. {@code faults} narrows the resilience suite to some fault kinds (empty: all of them).
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
        @Nullable Duration soak,
        String release,
        @Nullable String namespace,
        List<String> allowNamespaces,
        int reportsToKeep,
        List<FaultKind> faults) {

    public static final List<String> TARGETS = List.of("local", "kubernetes");

    public static final List<String> ALL_SUITES =
            List.of("benchmarks", "scenarios", "load", "observability", "resilience");

    public RunOptions {
        if (!TARGETS.contains(target)) {
            throw new IllegalArgumentException("unknown target '" + target + "'; known: " + TARGETS);
        }
        suites = List.copyOf(suites);
        allowNamespaces = List.copyOf(allowNamespaces);
        faults = List.copyOf(faults);
        if (!faults.isEmpty() && !suites.contains("resilience")) {
            throw new IllegalArgumentException("--faults " + faults + " needs the resilience suite in --suites");
        }
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
        this(
                target,
                suites,
                profile,
                baseline,
                out,
                codebaseJar,
                workflowJar,
                scenariosDir,
                null,
                null,
                KubernetesSettings.DEFAULT_RELEASE,
                null,
                List.of(),
                10,
                List.of());
    }

    public boolean includes(String suite) {
        return suites.contains(suite);
    }

    public boolean kubernetes() {
        return target.equals("kubernetes");
    }

    public KubernetesSettings kubernetesSettings(Duration startupTimeout) {
        return new KubernetesSettings(
                release, namespace, Set.copyOf(allowNamespaces), startupTimeout, startupTimeout, reportsToKeep);
    }
}
