package dev.mcpstack.validator.load;

import dev.mcpstack.validator.model.LoadTestResult.TimelinePoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Where a run's requests are recorded: overall, per group (service) so each gets its own LoadTestResult, and at
 * peak concurrency (all VUs of the plan running), where SPEC §8's "50 concurrent clients" figures are judged.
 */
public final class LoadRecorder {

    private final LoadStats all = new LoadStats();
    private final LoadStats peak = new LoadStats();
    private final Map<String, LoadStats> groups = new ConcurrentHashMap<>();
    // the open model's own lateness (intended start to send), part of every latency it records
    private final Histogram dispatchLag = new ConcurrentHistogram(LoadStats.HIGHEST_MICROS, 3);

    public void record(LoadOperation operation, long micros, @Nullable String errorType, boolean atPeak) {
        all.record(operation.name(), micros, errorType);
        if (!operation.group().isEmpty()) {
            groups.computeIfAbsent(operation.group(), g -> new LoadStats()).record(operation.name(), micros, errorType);
        }
        if (atPeak) {
            peak.record(operation.name(), micros, errorType);
        }
    }

    /** A request the open model could not even send (too many in flight): an error of the client side. */
    public void backlog(long micros) {
        all.record("dispatch", micros, "client_backlog");
        peak.record("dispatch", micros, "client_backlog");
    }

    /** How late the open model's dispatcher sent a request: the client's share of the latency from intended start. */
    public void dispatchLag(long micros) {
        dispatchLag.recordValue(Math.max(0, Math.min(micros, LoadStats.HIGHEST_MICROS)));
    }

    /** The dispatch lag at {@code percentile}, in milliseconds (0 when nothing was sent by the open model). */
    public double dispatchLagMs(double percentile) {
        return dispatchLag.getValueAtPercentile(percentile) / 1000.0;
    }

    public TimelinePoint tick(int second, int users) {
        groups.values().forEach(g -> g.tick(second, users));
        peak.tick(second, users);
        return all.tick(second, users);
    }

    public LoadStats all() {
        return all;
    }

    public LoadStats peak() {
        return peak;
    }

    public Map<String, LoadStats> groups() {
        return Map.copyOf(groups);
    }
}
