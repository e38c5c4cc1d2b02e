package dev.mcpstack.validator.model;

import java.util.List;

/**
 * Resource use sampled from the services during a load run (seed 000 §3): CPU and memory from the Prometheus
 * exposition, pool utilization from {@code /health}. {@code samples} is 0 when nothing could be sampled.
 */
public record ResourceUsageStats(
        double cpuPercentAvg,
        double cpuPercentMax,
        double memoryMbAvg,
        double memoryMbMax,
        double connectionPoolUtilizationAvg,
        double connectionPoolUtilizationMax,
        int samples,
        List<String> notes) {

    public ResourceUsageStats {
        percent(cpuPercentAvg, "cpu_percent_avg");
        percent(cpuPercentMax, "cpu_percent_max");
        Checks.nonNegative(memoryMbAvg, "memory_mb_avg");
        Checks.nonNegative(memoryMbMax, "memory_mb_max");
        percent(connectionPoolUtilizationAvg, "connection_pool_utilization_avg");
        percent(connectionPoolUtilizationMax, "connection_pool_utilization_max");
        Checks.ordered("cpu", cpuPercentAvg, "cpu_percent_avg", cpuPercentMax, "cpu_percent_max");
        Checks.ordered("memory", memoryMbAvg, "memory_mb_avg", memoryMbMax, "memory_mb_max");
        Checks.ordered(
                "pool",
                connectionPoolUtilizationAvg,
                "connection_pool_utilization_avg",
                connectionPoolUtilizationMax,
                "connection_pool_utilization_max");
        Checks.require(samples >= 0, "samples must be >= 0");
        notes = Checks.list(notes);
    }

    public static ResourceUsageStats none(String why) {
        return new ResourceUsageStats(0, 0, 0, 0, 0, 0, 0, List.of(why));
    }

    private static void percent(double value, String field) {
        Checks.require(value >= 0 && value <= 100, field + " must be within 0..100 but was " + value);
    }
}
