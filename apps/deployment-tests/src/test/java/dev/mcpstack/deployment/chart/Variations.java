package dev.mcpstack.deployment.chart;

import java.util.Map;

/** The value sets docs/deploy.md documents, each rendered and checked by the chart tests. */
public final class Variations {

    public static final Map<String, Object> EXTERNAL_DATABASE = Map.of(
            "postgresql.enabled", false,
            "externalDatabase.url", "r2dbc:postgresql://db.example.internal:6432/mcp",
            "externalDatabase.existingSecret", "mcp-db",
            "externalDatabase.usernameKey", "user",
            "externalDatabase.passwordKey", "secret",
            "externalDatabase.port", 6432);
    public static final Map<String, Object> HPA_ON =
            Map.of("codebaseMcp.autoscaling.enabled", true, "workflowMcp.autoscaling.enabled", true);
    public static final Map<String, Object> CRONJOB_OFF = Map.of("validator.cronJob.enabled", false);
    public static final Map<String, Object> MCP_AFFINITY =
            Map.of("mcp.sessionAffinity.enabled", true, "mcp.sessionAffinity.timeoutSeconds", 3600);
    public static final Map<String, Object> NETWORK_POLICY_OFF = Map.of("networkPolicy.enabled", false);
    public static final Map<String, Object> SERVICE_MONITOR_LABELS = Map.of(
            "monitoring.serviceMonitor.enabled",
            true,
            "monitoring.serviceMonitor.labels.release",
            "kube-prometheus-stack",
            "monitoring.prometheusRule.enabled",
            true,
            "monitoring.prometheusRule.labels.release",
            "kube-prometheus-stack");
    /** Everything optional switched on: the widest set of objects. */
    public static final Map<String, Object> EVERYTHING_ON = Map.of(
            "codebaseMcp.autoscaling.enabled", true,
            "validator.job.enabled", true,
            "pushgateway.enabled", true,
            "monitoring.serviceMonitor.enabled", true,
            "monitoring.prometheusRule.enabled", true,
            "mcp.sessionAffinity.enabled", true);

    public static final Map<String, Map<String, Object>> ALL = Map.of(
            "defaults", Map.of(),
            "external database", EXTERNAL_DATABASE,
            "HPA on", HPA_ON,
            "CronJob off", CRONJOB_OFF,
            "MCP affinity", MCP_AFFINITY,
            "NetworkPolicy off", NETWORK_POLICY_OFF,
            "ServiceMonitor labels", SERVICE_MONITOR_LABELS,
            "everything on", EVERYTHING_ON);

    private Variations() {}
}
