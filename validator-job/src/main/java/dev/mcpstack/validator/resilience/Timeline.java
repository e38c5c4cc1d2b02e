package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.ResilienceTimeline;
import dev.mcpstack.validator.model.ResilienceTimeline.Bucket;
import dev.mcpstack.validator.model.ResilienceTimeline.Marker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Counts completed requests and their errors per 100 ms bucket from a start instant, and keeps the fault and recovery
 * markers; {@link #snapshot()} fills empty buckets with zeros so the chart's x axis is time.
 */
final class Timeline {

    static final int BUCKET_MS = 100;
    private static final long BUCKET_NANOS = BUCKET_MS * 1_000_000L;

    private final long startNanos;
    private final TreeMap<Integer, Counts> buckets = new TreeMap<>();
    private final List<Marker> markers = new ArrayList<>();

    Timeline(long startNanos) {
        this.startNanos = startNanos;
    }

    synchronized void record(long atNanos, @Nullable String errorType) {
        if (atNanos < startNanos) {
            return;
        }
        Counts counts = buckets.computeIfAbsent(index(atNanos), i -> new Counts());
        counts.requests++;
        if (errorType != null) {
            counts.errors.merge(errorType, 1L, Long::sum);
        }
    }

    synchronized void mark(long atNanos, String kind, String label) {
        markers.add(new Marker(Math.max(0, (atNanos - startNanos) / 1_000_000), kind, label));
    }

    synchronized ResilienceTimeline snapshot() {
        int last = buckets.isEmpty() ? -1 : buckets.lastKey();
        List<Bucket> out = new ArrayList<>(last + 1);
        for (int i = 0; i <= last; i++) {
            Counts counts = buckets.getOrDefault(i, Counts.NONE);
            long errors =
                    counts.errors.values().stream().mapToLong(Long::longValue).sum();
            out.add(new Bucket((long) i * BUCKET_MS, counts.requests, errors, Map.copyOf(counts.errors)));
        }
        return new ResilienceTimeline(BUCKET_MS, out, List.copyOf(markers));
    }

    private int index(long atNanos) {
        return (int) ((atNanos - startNanos) / BUCKET_NANOS);
    }

    private static final class Counts {
        static final Counts NONE = new Counts();
        long requests;
        final Map<String, Long> errors = new TreeMap<>();
    }
}
