package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StagePlanTest {

    /** The seed's k6 stages: 2m -> 10, 5m -> 50, 10m hold at 50, 2m -> 0. */
    private final StagePlan standard = new StagePlan(List.of(
            new Stage(Duration.ofMinutes(2), 10),
            new Stage(Duration.ofMinutes(5), 50),
            new Stage(Duration.ofMinutes(10), 50),
            new Stage(Duration.ofMinutes(2), 0)));

    @ParameterizedTest(name = "at {0} s -> {1} VUs")
    @CsvSource({
        "0, 0",
        "12, 1",
        "60, 5",
        "119, 9",
        "120, 10",
        "270, 30",
        "420, 50",
        "600, 50",
        "1019, 50",
        "1020, 50",
        "1080, 25",
        "1139, 0",
        "1140, 0",
        "5000, 0"
    })
    void followsTheStagesLinearly(long second, int users) {
        assertThat(standard.usersAt(Duration.ofSeconds(second))).isEqualTo(users);
    }

    @Test
    void knowsItsLengthAndPeak() {
        assertThat(standard.totalDuration()).isEqualTo(Duration.ofMinutes(19));
        assertThat(standard.maxUsers()).isEqualTo(50);
    }

    @Test
    void constantPlanRunsEveryUserFromTheStart() {
        StagePlan constant = StagePlan.constant(20, Duration.ofSeconds(10));

        assertThat(constant.usersAt(Duration.ZERO)).isEqualTo(20);
        assertThat(constant.usersAt(Duration.ofSeconds(9))).isEqualTo(20);
        assertThat(constant.usersAt(Duration.ofSeconds(11))).isZero();
    }
}
