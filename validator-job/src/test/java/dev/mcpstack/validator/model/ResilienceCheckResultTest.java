package dev.mcpstack.validator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpstack.validator.model.ResilienceTimeline.Bucket;
import dev.mcpstack.validator.model.ResilienceTimeline.Marker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

public class ResilienceCheckResultTest {

    public static ResilienceCheckResult result(
            long total, long failed, long acknowledged, long lost, PassStatus status) {
        return new ResilienceCheckResult(
                "process_kill-codebase-mcp",
                ServerId.CODEBASE,
                FaultKind.PROCESS_KILL,
                Instant.parse("2026-12-01T21:00:00Z"),
                12L,
                7100L,
                null,
                total,
                failed,
                acknowledged,
                lost,
                status,
                Map.of("kills", 2),
                List.of(),
                new ResilienceTimeline(
                        100,
                        List.of(new Bucket(0, 5, 1, Map.of("connection_refused", 1L)), new Bucket(100, 3, 0, Map.of())),
                        List.of(new Marker(50, "fault", "process_kill 1"))));
    }

    @Test
    void writesSnakeCaseAndLeavesOutFiguresThatDoNotApply() {
        JsonNode tree = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(result(8, 1, 4, 0, PassStatus.PASS)));

        assertThat(tree.path("check_id").asString()).isEqualTo("process_kill-codebase-mcp");
        assertThat(tree.path("server_id").asString()).isEqualTo("codebase-mcp");
        assertThat(tree.path("fault").asString()).isEqualTo("process_kill");
        assertThat(tree.path("recovery_ms").asLong()).isEqualTo(7100);
        assertThat(tree.has("unavailable_window_ms")).isFalse();
        assertThat(tree.path("lost_writes").asLong()).isZero();
        assertThat(tree.path("pass_status").asString()).isEqualTo("pass");
        assertThat(tree.path("timeline")
                        .path("buckets")
                        .get(0)
                        .path("error_types")
                        .path("connection_refused")
                        .asLong())
                .isEqualTo(1);
        assertThat(Json.MAPPER
                        .readValue(tree.toString(), ResilienceCheckResult.class)
                        .fault())
                .isEqualTo(FaultKind.PROCESS_KILL);
    }

    @Test
    void rejectsCountsThatDoNotAddUpAndALostWriteThatPasses() {
        assertThatThrownBy(() -> result(3, 4, 0, 0, PassStatus.PASS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requests_failed (4) must be <= requests_total (3)");
        assertThatThrownBy(() -> result(3, 0, 1, 2, PassStatus.FAIL))
                .hasMessageContaining("lost_writes (2) must be <= acknowledged_writes (1)");
        assertThatThrownBy(() -> result(3, 0, 2, 1, PassStatus.WARNING))
                .hasMessageContaining("a check that lost 1 acknowledged writes cannot be warning");
    }

    @Test
    void rejectsTimelineBucketsOutOfStepOrNotAddingUp() {
        assertThatThrownBy(() -> new ResilienceTimeline(100, List.of(new Bucket(100, 1, 0, Map.of())), List.of()))
                .hasMessageContaining("bucket 0 must start at 0 ms but starts at 100");
        assertThatThrownBy(() -> new Bucket(0, 2, 2, Map.of("timeout", 1L)))
                .hasMessageContaining("error_types (1) must add up to errors (2)");
        assertThatThrownBy(() -> new Marker(0, "restart", "x")).hasMessageContaining("kind must be fault or recovery");
    }
}
