package dev.mcpstack.validator.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/** What {@code GET /metrics} answers as JSON (SPEC §5, seed 000 §5). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricsResponse(List<MetricCounter> counters, List<MetricHistogram> histograms) {

    public MetricsResponse {
        counters = Checks.list(counters);
        histograms = Checks.list(histograms);
    }

    public Optional<MetricCounter> counter(String name) {
        return counters.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<MetricHistogram> histogram(String name) {
        return histograms.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MetricCounter(String name, String helpText, double value) {
        public MetricCounter {
            Checks.text(name, "counter name");
            helpText = helpText == null ? "" : helpText;
            Checks.nonNegative(value, "counter " + name + " value");
        }
    }

    /** Buckets sorted by {@code bucket_le}, cumulative, the last equal to {@code count}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MetricHistogram(String name, String helpText, List<LatencyBucket> buckets, long count, double sum) {
        public MetricHistogram {
            Checks.text(name, "histogram name");
            helpText = helpText == null ? "" : helpText;
            buckets = Checks.list(buckets);
            Checks.nonNegative(count, "histogram " + name + " count");
            Checks.nonNegative(sum, "histogram " + name + " sum");
            for (int i = 1; i < buckets.size(); i++) {
                LatencyBucket previous = buckets.get(i - 1);
                LatencyBucket current = buckets.get(i);
                Checks.require(
                        previous.bucketLe() < current.bucketLe(),
                        "histogram " + name + ": buckets must be sorted by bucket_le (" + previous.bucketLe()
                                + " before " + current.bucketLe() + ")");
                Checks.require(
                        previous.count() <= current.count(),
                        "histogram " + name + ": bucket counts must be cumulative (" + previous.count() + " at le="
                                + previous.bucketLe() + " then " + current.count() + ")");
            }
            Checks.require(
                    buckets.isEmpty() || buckets.get(buckets.size() - 1).count() == count,
                    "histogram " + name + ": last bucket count must equal count (" + count + ")");
        }
    }

    public record LatencyBucket(double bucketLe, long count) {
        public LatencyBucket {
            Checks.nonNegative(count, "bucket count");
        }
    }
}
