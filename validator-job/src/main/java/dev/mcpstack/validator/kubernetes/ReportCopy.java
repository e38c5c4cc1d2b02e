package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Copies the report a launched Job's pod wrote into its ConfigMap to the workstation's {@code --out}. */
final class ReportCopy {

    private final ReportConfigMaps reports;
    private final String namespace;
    private final Consumer<String> progress;

    ReportCopy(KubernetesClient client, String namespace, String release, Consumer<String> progress) {
        this.reports = new ReportConfigMaps(client, namespace, release);
        this.namespace = namespace;
        this.progress = progress;
    }

    void copy(String pod, Path out) {
        Optional<ConfigMap> written = reports.writtenBy(pod, Access.LAUNCH_LIST_CONFIGMAPS);
        if (written.isEmpty() || written.get().getData() == null) {
            progress.accept("no report ConfigMap written by pod " + pod + " in " + namespace
                    + " (the Job's log above has the summary)");
            return;
        }
        try {
            Files.createDirectories(out);
            for (Map.Entry<String, String> file : written.get().getData().entrySet()) {
                Path target = out.resolve(Path.of(file.getKey()).getFileName());
                Files.writeString(target, file.getValue());
                progress.accept("report: " + target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the report to " + out, e);
        }
        progress.accept("copied from ConfigMap " + namespace + "/"
                + written.get().getMetadata().getName());
    }
}
