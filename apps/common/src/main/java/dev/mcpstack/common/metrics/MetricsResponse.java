package dev.mcpstack.common.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The JSON view of {@code GET /metrics} (the seed's MetricsResponse): every counter and histogram of the
 * Prometheus exposition, under the same names and labels. Histogram buckets are cumulative and sorted; the
 * {@code +Inf} bucket is not listed because JSON has no infinity: it equals {@code count}.
 */
public record MetricsResponse(List<Counter> counters, List<Histogram> histograms) {

    /** {@code value} is a whole number (as the seed's int) unless the counter really holds a fraction. */
    public record Counter(
            String name, @JsonProperty("help_text") String helpText, Map<String, String> labels, Number value) {}

    public record Histogram(
            String name,
            @JsonProperty("help_text") String helpText,
            Map<String, String> labels,
            List<Bucket> buckets,
            long count,
            double sum) {}

    public record Bucket(@JsonProperty("bucket_le") double bucketLe, long count) {}
}
