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
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Renders the Micrometer Prometheus registry twice over the same snapshot model: Prometheus text via the
 * registry's own {@code scrape()}, and JSON from the registry's metric snapshots. No bookkeeping of its own.
 */
@Component
final class MetricsView {

    private static final String INFINITY = "Infinity";

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
                counters.add(counter(name + "_total", help, counter));
            } else if (snapshot instanceof HistogramSnapshot histogram) {
                histograms.add(histogram(name, help, histogram));
            }
        }
        return new MetricsResponse(counters, histograms);
    }

    private static MetricsResponse.Counter counter(String name, String help, CounterSnapshot counter) {
        double total = 0;
        List<MetricsResponse.CounterSeries> series = new ArrayList<>();
        for (CounterSnapshot.CounterDataPointSnapshot point : counter.getDataPoints()) {
            total += point.getValue();
            series.add(new MetricsResponse.CounterSeries(labels(point.getLabels()), number(point.getValue())));
        }
        return new MetricsResponse.Counter(name, help, number(total), series);
    }

    /**
     * Sums the label sets bucket by bucket. The model keeps per-bucket (not cumulative) counts, so series with
     * different bounds still add up correctly before the running total makes them cumulative like Prometheus's le.
     */
    private static MetricsResponse.Histogram histogram(String name, String help, HistogramSnapshot histogram) {
        TreeMap<Double, Long> perBucket = new TreeMap<>();
        long count = 0;
        double sum = 0;
        List<MetricsResponse.HistogramSeries> series = new ArrayList<>();
        for (HistogramSnapshot.HistogramDataPointSnapshot point : histogram.getDataPoints()) {
            ClassicHistogramBuckets buckets = point.getClassicBuckets();
            for (int i = 0; i < buckets.size(); i++) {
                perBucket.merge(buckets.getUpperBound(i), buckets.getCount(i), Long::sum);
            }
            count += point.getCount();
            sum += point.getSum();
            series.add(
                    new MetricsResponse.HistogramSeries(labels(point.getLabels()), point.getCount(), point.getSum()));
        }
        perBucket.putIfAbsent(Double.POSITIVE_INFINITY, 0L);
        List<MetricsResponse.Bucket> buckets = new ArrayList<>(perBucket.size());
        long cumulative = 0;
        for (Map.Entry<Double, Long> bucket : perBucket.entrySet()) {
            cumulative += bucket.getValue();
            Object bound = bucket.getKey().isInfinite() ? INFINITY : bucket.getKey();
            buckets.add(new MetricsResponse.Bucket(bound, cumulative));
        }
        return new MetricsResponse.Histogram(name, help, buckets, count, sum, series);
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
