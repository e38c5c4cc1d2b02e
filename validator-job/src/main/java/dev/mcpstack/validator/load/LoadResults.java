package dev.mcpstack.validator.load;

import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.ResourceUsageStats;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/** Turns the recorded statistics of a run into the seed's LoadTestResult. */
public final class LoadResults {

    private LoadResults() {}

    public static LoadTestResult toResult(
            LoadStats stats,
            String serverId,
            String scenario,
            String model,
            int concurrentClients,
            Instant startedAt,
            Duration elapsed,
            ResourceUsageStats resources) {
        Histogram histogram = stats.histogram().copy();
        long failed = stats.failed();
        long total = Math.max(histogram.getTotalCount(), failed);
        boolean empty = histogram.getTotalCount() == 0;
        double p50 = empty ? 0 : LoadStats.millis(histogram.getValueAtPercentile(50));
        double p95 = empty ? 0 : LoadStats.millis(histogram.getValueAtPercentile(95));
        double p99 = empty ? 0 : LoadStats.millis(histogram.getValueAtPercentile(99));
        double max = empty ? 0 : LoadStats.millis(histogram.getMaxValue());
        double avg = empty ? 0 : Math.min(max, LoadStats.millis(histogram.getMean()));
        return new LoadTestResult(
                UUID.randomUUID().toString(),
                serverId,
                scenario,
                model,
                Math.max(1, concurrentClients),
                Math.max(0.001, elapsed.toMillis() / 1000.0),
                startedAt,
                total,
                total - failed,
                failed,
                avg,
                p50,
                Math.max(p50, p95),
                Math.max(p95, p99),
                Math.max(max, Math.max(p99, avg)),
                stats.errorBreakdown(),
                resources,
                stats.operations(),
                stats.timeline());
    }
}
