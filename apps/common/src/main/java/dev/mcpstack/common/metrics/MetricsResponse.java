package dev.mcpstack.common.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The JSON view of {@code GET /metrics} (the seed's MetricsResponse), built from the same registry snapshot as the
 * Prometheus text and under the same names. One entry per metric name: counters carry the total over all label
 * sets in {@code value} and the breakdown in {@code series}; histograms carry buckets, count and sum summed over
 * their label sets (cumulative, sorted, the last bucket {@code "Infinity"} equal to {@code count}) and the
 * per-label count and sum in {@code series}.
 */
public record MetricsResponse(List<Counter> counters, List<Histogram> histograms) {

    /** {@code value} is a whole number (the seed's int) unless the counter really holds a fraction. */
    public record Counter(
            String name, @JsonProperty("help_text") String helpText, Number value, List<CounterSeries> series) {}

    public record CounterSeries(Map<String, String> labels, Number value) {}

    public record Histogram(
            String name,
            @JsonProperty("help_text") String helpText,
            List<Bucket> buckets,
            long count,
            double sum,
            List<HistogramSeries> series) {}

    public record HistogramSeries(Map<String, String> labels, long count, double sum) {}

    /** {@code bucket_le} is a number, or the string {@code "Infinity"} for the last bucket (JSON has no infinity). */
    public record Bucket(@JsonProperty("bucket_le") Object bucketLe, long count) {}
}
