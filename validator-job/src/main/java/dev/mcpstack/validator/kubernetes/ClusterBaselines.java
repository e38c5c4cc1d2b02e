package dev.mcpstack.validator.kubernetes;

import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.regression.BaselineStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Baselines in-cluster (SPEC §6): one ConfigMap whose keys are baseline file names
 * ({@code {server_id}_{operation_type}_{timestamp}.json}), so {@code run --baseline configmap:NAME} reads exactly
 * what a directory of baseline files would hold.
 */
public final class ClusterBaselines {

    public static final String PREFIX = "configmap:";

    private final KubernetesClient client;
    private final String namespace;

    public ClusterBaselines(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Adds the results to ConfigMap {@code name} (created if missing) and returns the keys written. */
    public List<String> save(String name, String release, List<PerformanceBenchmarkResult> results) {
        Map<String, String> added = new LinkedHashMap<>();
        results.forEach(result -> added.put(BaselineStore.fileName(result), Json.pretty(result)));
        ConfigMap existing = Access.GET_CONFIGMAPS.call(
                namespace,
                () -> client.configMaps().inNamespace(namespace).withName(name).get());
        if (existing == null) {
            Map<String, String> labels = new LinkedHashMap<>(ChartLabels.selector(release, ChartLabels.VALIDATOR));
            labels.put(ChartLabels.PART_OF, ChartLabels.CHART_NAME);
            ConfigMap created = new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(labels)
                    .endMetadata()
                    .withData(added)
                    .build();
            Access.CREATE_CONFIGMAPS.call(
                    namespace,
                    () -> client.configMaps()
                            .inNamespace(namespace)
                            .resource(created)
                            .create());
        } else {
            ConfigMap updated = new ConfigMapBuilder(existing).addToData(added).build();
            Access.UPDATE_CONFIGMAPS.call(
                    namespace,
                    () -> client.configMaps()
                            .inNamespace(namespace)
                            .resource(updated)
                            .update());
        }
        return List.copyOf(added.keySet());
    }

    /** Writes the baselines of ConfigMap {@code name} into {@code directory} as files and returns it. */
    public Path materialize(String name, Path directory) {
        ConfigMap configMap = Access.GET_CONFIGMAPS.call(
                namespace,
                () -> client.configMaps().inNamespace(namespace).withName(name).get());
        if (configMap == null
                || configMap.getData() == null
                || configMap.getData().isEmpty()) {
            throw new IllegalArgumentException("no baselines in ConfigMap " + name + " of namespace " + namespace
                    + " (store some with: baseline save --from report.json --configmap " + name + ")");
        }
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> entry : configMap.getData().entrySet()) {
                Files.writeString(directory.resolve(Path.of(entry.getKey()).getFileName()), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the baselines of " + name + " to " + directory, e);
        }
        return directory;
    }
}
