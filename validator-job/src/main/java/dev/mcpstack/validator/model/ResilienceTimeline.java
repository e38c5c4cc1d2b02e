package dev.mcpstack.validator.model;

import java.util.List;
import java.util.Map;

/**
 * What the caller saw during one fault, per {@code bucket_ms} (100 ms): requests completed, errors by type, and
 * the moments the fault was injected and recovery was seen, as offsets from the start of the timeline.
 */
public record ResilienceTimeline(int bucketMs, List<Bucket> buckets, List<Marker> markers) {

    public ResilienceTimeline {
        Checks.require(bucketMs >= 1, "bucket_ms must be >= 1 but was " + bucketMs);
        buckets = Checks.list(buckets);
        markers = Checks.list(markers);
        for (int i = 0; i < buckets.size(); i++) {
            Checks.require(
                    buckets.get(i).offsetMs() == (long) i * bucketMs,
                    "bucket " + i + " must start at " + (long) i * bucketMs + " ms but starts at "
                            + buckets.get(i).offsetMs());
        }
    }

    /** Requests completed within one bucket; {@code errors} adds up the counts of {@code error_types}. */
    public record Bucket(long offsetMs, long requests, long errors, Map<String, Long> errorTypes) {
        public Bucket {
            Checks.nonNegative(offsetMs, "offset_ms");
            Checks.nonNegative(requests, "requests");
            Checks.require(errors <= requests, "errors (" + errors + ") must be <= requests (" + requests + ")");
            errorTypes = Checks.map(errorTypes);
            long typed = errorTypes.values().stream().mapToLong(Long::longValue).sum();
            Checks.require(typed == errors, "error_types (" + typed + ") must add up to errors (" + errors + ")");
        }
    }

    /** A moment on the timeline: {@code kind} is {@code fault} or {@code recovery}. */
    public record Marker(long offsetMs, String kind, String label) {
        public Marker {
            Checks.nonNegative(offsetMs, "offset_ms");
            Checks.require(kind.equals("fault") || kind.equals("recovery"), "kind must be fault or recovery");
            Checks.text(label, "label");
        }
    }
}
