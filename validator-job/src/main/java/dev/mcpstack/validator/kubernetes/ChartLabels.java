package dev.mcpstack.validator.kubernetes;

import dev.mcpstack.validator.model.ServerId;
import java.util.Map;

/** The chart's naming and label contract (docs/deploy.md, team contract): what the validator selects by. */
public final class ChartLabels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String CHART_NAME = "mcp-stack";
    public static final String DATABASE = "database";
    public static final String VALIDATOR = "validator";
    /** Which validation run a report ConfigMap belongs to, and which pod wrote it ({@code launch} finds it by that). */
    public static final String RUN_ID = "mcp-stack.dev/validation-run";

    public static final String POD = "mcp-stack.dev/validator-pod";

    private ChartLabels() {}

    /** Helm's fullname rule of the chart: the release name if it contains the chart name, else release-chart. */
    public static String fullname(String release) {
        return release.contains(CHART_NAME) ? release : release + "-" + CHART_NAME;
    }

    /** The chart's selector labels of one component: name + instance + component, nothing else. */
    public static Map<String, String> selector(String release, String component) {
        return Map.of(NAME, CHART_NAME, INSTANCE, release, COMPONENT, component);
    }

    public static Map<String, String> selector(String release, ServerId server) {
        return selector(release, server.wireName());
    }

    /** True when the object carries every selector label of the component, the guard before any fault. */
    public static boolean carries(Map<String, String> labels, String release, String component) {
        return selector(release, component).entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
