package dev.mcpstack.validator.cli;

import dev.mcpstack.validator.kubernetes.ClusterBaselines;
import dev.mcpstack.validator.kubernetes.KubernetesConnector;
import dev.mcpstack.validator.kubernetes.KubernetesSettings;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.regression.BaselineStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        description = "Manage baselines.",
        subcommands = BaselineCommand.Save.class)
class BaselineCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: baseline save");
    }

    /**
     * Stores results as baseline files {@code {server_id}_{operation_type}_{timestamp}.json}, in a directory or, in
     * the cluster, as the keys of a ConfigMap that {@code run --baseline configmap:NAME} reads.
     */
    @Command(name = "save", mixinStandardHelpOptions = true, description = "Store results as the new baseline.")
    static class Save implements Callable<Integer> {

        private final KubernetesConnector connector;

        @Option(names = "--from", required = true, description = "report.json, a result file/array or a directory")
        Path from = Path.of(".");

        @ArgGroup(multiplicity = "1")
        Target target = new Target();

        static class Target {
            @Option(names = "--dir", required = true, description = "directory of baseline files")
            @Nullable
            Path dir;

            @Option(
                    names = "--configmap",
                    required = true,
                    description = "ConfigMap in the cluster (namespace: --namespace)")
            @Nullable
            String configMap;
        }

        @Option(names = "--namespace", description = "with --configmap (default: own / kubeconfig namespace)")
        @Nullable
        String namespace;

        @Option(
                names = "--release",
                defaultValue = KubernetesSettings.DEFAULT_RELEASE,
                description = "labels the ConfigMap")
        String release = KubernetesSettings.DEFAULT_RELEASE;

        Save(KubernetesConnector connector) {
            this.connector = connector;
        }

        @Override
        public Integer call() {
            List<PerformanceBenchmarkResult> results = BaselineStore.load(from);
            if (target.configMap != null) {
                try (KubernetesClient client = connector.connect()) {
                    String ns = Objects.requireNonNullElse(
                            namespace, Objects.requireNonNullElse(client.getNamespace(), "default"));
                    List<String> keys = new ClusterBaselines(client, ns).save(target.configMap, release, results);
                    keys.forEach(key -> Console.print("saved " + ns + "/" + target.configMap + ": " + key));
                    Console.print(keys.size() + " baseline(s) in ConfigMap " + ns + "/" + target.configMap);
                    return keys.isEmpty() ? 1 : 0;
                }
            }
            Path dir = Objects.requireNonNull(target.dir);
            var written = BaselineStore.save(results, dir);
            written.forEach(file -> Console.print("saved " + file));
            Console.print(written.size() + " baseline file(s) in " + dir);
            return written.isEmpty() ? 1 : 0;
        }
    }
}
