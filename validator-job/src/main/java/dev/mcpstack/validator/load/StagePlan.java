package dev.mcpstack.validator.load;

import java.time.Duration;
import java.util.List;

/** Which number of virtual users should be running at a given time of a staged run (k6 semantics, from 0 VUs). */
public final class StagePlan {

    private final List<Stage> stages;
    private final int startUsers;

    public StagePlan(List<Stage> stages) {
        this(stages, 0);
    }

    private StagePlan(List<Stage> stages, int startUsers) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a staged run needs at least one stage");
        }
        this.stages = List.copyOf(stages);
        this.startUsers = startUsers;
    }

    /** k6 {@code --vus N --duration D}: all N users from the first instant. */
    public static StagePlan constant(int users, Duration duration) {
        return new StagePlan(List.of(new Stage(duration, users)), users);
    }

    public Duration totalDuration() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public int maxUsers() {
        return Math.max(
                startUsers, stages.stream().mapToInt(Stage::target).max().orElse(0));
    }

    /** Target VUs at {@code elapsed}: linear interpolation inside the current stage, rounded down; 0 after the end. */
    public int usersAt(Duration elapsed) {
        long at = elapsed.toNanos();
        int from = startUsers;
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
