package dev.mcpstack.workflow.benchmark;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.concurrent.TimeUnit;

/**
 * What the service's own timer saw during one phase: the difference of two cumulative histogram snapshots. The
 * percentile is the upper bound of the histogram bucket that holds it, which is how Prometheus would report it.
 */
final class ServerTimer {

    private final Timer timer;
    private CountAtBucket[] before = new CountAtBucket[0];
    private long countBefore;

    ServerTimer(MeterRegistry registry, String name) {
        this.timer = registry.get(name).timer();
    }

    void start() {
        before = timer.takeSnapshot().histogramCounts();
        countBefore = timer.count();
    }

    /** The bucket upper bound (ms) at or below which {@code percentile} of the calls since {@link #start()} fell. */
    double percentileMillis(double percentile) {
        CountAtBucket[] after = timer.takeSnapshot().histogramCounts();
        double total = timer.count() - countBefore;
        for (int i = 0; i < after.length; i++) {
            // Micrometer's bucket counts are cumulative (values <= the bucket's bound), as in Prometheus
            double atOrBelow = after[i].count() - countAt(before, i);
            if (total > 0 && atOrBelow >= percentile * total) {
                return after[i].bucket(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    private static double countAt(CountAtBucket[] buckets, int index) {
        return index < buckets.length ? buckets[index].count() : 0;
    }
}
