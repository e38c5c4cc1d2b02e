package dev.mcpstack.validator.load;

import java.time.Duration;
import java.util.List;

/** Which number of virtual users should be running at a given time of a staged run (k6 semantics, from 0 VUs). */
public final class StagePlan {

    private final List<Stage> stages;

    public StagePlan(List<Stage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a staged run needs at least one stage");
        }
        this.stages = List.copyOf(stages);
    }

    public static StagePlan constant(int users, Duration duration) {
        // k6 --vus N --duration D: everybody from the first instant
        return new StagePlan(List.of(new Stage(Duration.ofMillis(1), users), new Stage(duration, users)));
    }

    public Duration totalDuration() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public int maxUsers() {
        return stages.stream().mapToInt(Stage::target).max().orElse(0);
    }

    /** Target VUs at {@code elapsed}: linear interpolation inside the current stage, rounded down; 0 after the end. */
    public int usersAt(Duration elapsed) {
        long at = elapsed.toNanos();
        int from = 0;
        long stageStart = 0;
        for (Stage stage : stages) {
            long length = stage.duration().toNanos();
            if (at < stageStart + length) {
                double fraction = (double) (at - stageStart) / length;
                return (int) Math.floor(from + (stage.target() - from) * fraction);
            }
            from = stage.target();
            stageStart += length;
        }
        return 0;
    }
}
