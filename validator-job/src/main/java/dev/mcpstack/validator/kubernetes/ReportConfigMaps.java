package dev.mcpstack.validator.kubernetes;

import dev.mcpstack.validator.report.ValidationReport;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The in-cluster copy of each report: ConfigMap {@code <release>-validation-<run-id>}, labelled like the chart's
 * objects plus the run id, the verdict and the pod that wrote it ({@code launch} finds it by the pod); only the newest
 * N of a release are kept. report.html goes in only while the whole ConfigMap stays under the API's 1 MiB limit.
 */
public final class ReportConfigMaps {

    static final String VERDICT = "mcp-stack.dev/verdict";
    private static final int MAX_BYTES = 1_000_000;
    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final KubernetesClient client;
    private final String namespace;
    private final String release;

    public ReportConfigMaps(KubernetesClient client, String namespace, String release) {
        this.client = client;
        this.namespace = namespace;
        this.release = release;
    }

    /** Sortable by time and unique per run: {@code 20261201-213000-1a2b}. */
    public static String runId(ValidationReport report) {
        return RUN_TIME.format(report.startedAt()) + "-"
                + report.reportId().substring(0, 4).toLowerCase(Locale.ROOT);
    }

    /** Writes the report's files into a new ConfigMap and returns its name. */
    public String publish(ValidationReport report, Map<String, String> files, String pod) {
        String runId = runId(report);
        Map<String, String> data = new LinkedHashMap<>();
        int size = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            int bytes = file.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (size + bytes > MAX_BYTES) {
                data.put(file.getKey() + ".omitted", "too large for a ConfigMap (" + bytes + " bytes); see --out");
                continue;
            }
            size += bytes;
            data.put(file.getKey(), file.getValue());
        }
        Map<String, String> labels = new LinkedHashMap<>(ChartLabels.selector(release, ChartLabels.VALIDATOR));
        labels.put(ChartLabels.PART_OF, ChartLabels.CHART_NAME);
        labels.put(ChartLabels.RUN_ID, runId);
        labels.put(ChartLabels.POD, labelValue(pod));
        labels.put(VERDICT, report.verdict().wireName());
        ConfigMap configMap = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(release + "-validation-" + runId)
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withData(data)
                .build();
        Access.CREATE_CONFIGMAPS.call(
                namespace,
                () -> client.configMaps()
                        .inNamespace(namespace)
                        .resource(configMap)
                        .create());
        return configMap.getMetadata().getName();
    }

    /** Deletes all but the newest {@code keep} report ConfigMaps of the release; returns the names deleted. */
    public List<String> prune(int keep) {
        List<ConfigMap> reports = list(Map.of());
        List<ConfigMap> old = reports.subList(0, Math.max(0, reports.size() - keep));
        for (ConfigMap configMap : old) {
            Access.DELETE_CONFIGMAPS.run(
                    namespace,
                    () -> client.configMaps()
                            .inNamespace(namespace)
                            .withName(configMap.getMetadata().getName())
                            .delete());
        }
        return old.stream().map(c -> c.getMetadata().getName()).toList();
    }

    /** The report written by {@code pod} ({@code launch} copies it out). */
    public Optional<ConfigMap> writtenBy(String pod, Access access) {
        List<ConfigMap> found = list(Map.of(ChartLabels.POD, labelValue(pod)), access);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** The release's report ConfigMaps, oldest first (the run id in the name sorts by time). */
    public List<ConfigMap> list(Map<String, String> extraLabels) {
        return list(extraLabels, Access.LIST_CONFIGMAPS);
    }

    private List<ConfigMap> list(Map<String, String> extraLabels, Access access) {
        Map<String, String> labels = new LinkedHashMap<>(ChartLabels.selector(release, ChartLabels.VALIDATOR));
        labels.putAll(extraLabels);
        return access
                .call(
                        namespace,
                        () -> client.configMaps()
                                .inNamespace(namespace)
                                .withLabels(labels)
                                .withLabel(ChartLabels.RUN_ID)
                                .list()
                                .getItems())
                .stream()
                .sorted(Comparator.comparing(c -> c.getMetadata().getName()))
                .toList();
    }

    /** Label values are at most 63 characters of [A-Za-z0-9._-], starting and ending alphanumeric. */
    static String labelValue(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9._-]", "-");
        cleaned = cleaned.length() > 63 ? cleaned.substring(cleaned.length() - 63) : cleaned;
        return cleaned.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }
}
