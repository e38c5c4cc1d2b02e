package dev.mcpstack.validator.resilience;

import static dev.mcpstack.validator.resilience.Outcomes.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mcpstack.validator.model.ResilienceTimeline;
import dev.mcpstack.validator.model.ResilienceTimeline.Bucket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void countsRequestsAndErrorsByTypePerHundredMillisecondsAndFillsGaps() {
        Timeline timeline = new Timeline(nanos(10_000));
        timeline.record(nanos(10_000), null);
        timeline.record(nanos(10_099), "http_503");
        timeline.record(nanos(10_100), null);
        timeline.record(nanos(10_450), "connection_refused");
        timeline.record(nanos(10_460), "connection_refused");
        timeline.record(nanos(10_470), "timeout");

        ResilienceTimeline snapshot = timeline.snapshot();

        assertThat(snapshot.bucketMs()).isEqualTo(100);
        assertThat(snapshot.buckets())
                .containsExactly(
                        new Bucket(0, 2, 1, Map.of("http_503", 1L)),
                        new Bucket(100, 1, 0, Map.of()),
                        new Bucket(200, 0, 0, Map.of()),
                        new Bucket(300, 0, 0, Map.of()),
                        new Bucket(400, 3, 3, Map.of("connection_refused", 2L, "timeout", 1L)));
    }

    @Test
    void ignoresRequestsAnsweredBeforeItsStartAndKeepsMarkersAsOffsets() {
        Timeline timeline = new Timeline(nanos(5_000));
        timeline.record(nanos(4_999), "timeout");
        timeline.mark(nanos(5_250), "fault", "process_kill 1");
        timeline.mark(nanos(7_000), "recovery", "ready 1");

        ResilienceTimeline snapshot = timeline.snapshot();

        assertThat(snapshot.buckets()).isEmpty();
        assertThat(snapshot.markers())
                .extracting(ResilienceTimeline.Marker::offsetMs, ResilienceTimeline.Marker::kind)
                .containsExactly(tuple(250L, "fault"), tuple(2000L, "recovery"));
    }
}
