package dev.mcpstack.common.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Label;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders the Micrometer Prometheus registry twice over the same snapshot model: Prometheus text via the
 * registry's own {@code scrape()}, and JSON from the registry's metric snapshots. No bookkeeping of its own.
 */
@Component
final class MetricsView {

    private final PrometheusMeterRegistry registry;

    MetricsView(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    String prometheusText() {
        return registry.scrape();
    }

    MetricsResponse json() {
        List<MetricsResponse.Counter> counters = new ArrayList<>();
        List<MetricsResponse.Histogram> histograms = new ArrayList<>();
        for (MetricSnapshot snapshot : registry.getPrometheusRegistry().scrape()) {
            String name = snapshot.getMetadata().getPrometheusName();
            String help = snapshot.getMetadata().getHelp() == null
                    ? ""
                    : snapshot.getMetadata().getHelp();
            if (snapshot instanceof CounterSnapshot counter) {
                for (CounterSnapshot.CounterDataPointSnapshot point : counter.getDataPoints()) {
                    counters.add(new MetricsResponse.Counter(
                            name + "_total", help, labels(point.getLabels()), number(point.getValue())));
                }
            } else if (snapshot instanceof HistogramSnapshot histogram) {
                for (HistogramSnapshot.HistogramDataPointSnapshot point : histogram.getDataPoints()) {
                    histograms.add(new MetricsResponse.Histogram(
                            name,
                            help,
                            labels(point.getLabels()),
                            buckets(point.getClassicBuckets()),
                            point.getCount(),
                            point.getSum()));
                }
            }
        }
        return new MetricsResponse(counters, histograms);
    }

    /** The model keeps per-bucket counts; the exposition (and our JSON) is cumulative, like Prometheus's le. */
    private static List<MetricsResponse.Bucket> buckets(ClassicHistogramBuckets buckets) {
        List<MetricsResponse.Bucket> result = new ArrayList<>(buckets.size());
        long cumulative = 0;
        for (int i = 0; i < buckets.size(); i++) {
            cumulative += buckets.getCount(i);
            double bound = buckets.getUpperBound(i);
            if (!Double.isInfinite(bound)) {
                result.add(new MetricsResponse.Bucket(bound, cumulative));
            }
        }
        return result;
    }

    private static Number number(double value) {
        boolean whole = value == Math.rint(value) && Math.abs(value) < 9.0e15;
        return whole ? (Number) (long) value : (Number) value;
    }

    private static Map<String, String> labels(Labels labels) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Label label : labels) {
            result.put(label.getName(), label.getValue());
        }
        return result;
    }
}
