package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Steal over an interval from two /proc/stat readings, and null (unknown) rather than a made-up figure. */
class MachineLoadTest {

    @Test
    void stealIsItsShareOfTheTicksBetweenTwoReadings() {
        assertThat(MachineLoad.stealPercent(new long[] {10, 1_000}, new long[] {35, 2_000}))
                .isEqualTo(2.5);
        assertThat(MachineLoad.stealPercent(null, new long[] {35, 2_000})).isNull();
        assertThat(MachineLoad.stealPercent(new long[] {10, 1_000}, new long[] {10, 1_000}))
                .isNull();
    }

    @Test
    void busyIsTheShareOfTicksNotIdle() {
        assertThat(MachineLoad.busyPercent(new long[] {0, 1_000, 400}, new long[] {0, 2_000, 900}))
                .isEqualTo(50.0);
        assertThat(MachineLoad.busyPercent(new long[] {0, 1_000}, new long[] {0, 2_000, 900}))
                .isNull();
    }

    @Test
    void theWindowNoteNamesSaturationOnlyWhenTheCoresWereFull() {
        assertThat(MachineLoad.windowNote(95.0)).contains("likely cause: CPU saturation (cores 95 % busy");
        assertThat(MachineLoad.windowNote(45.0))
                .contains("cores 45 % busy over the window, so not saturation")
                .doesNotContain("likely cause: CPU saturation");
    }

    @Test
    void readsTheLoadAverageWhereProcExists() {
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/loadavg"))) {
            assertThat(MachineLoad.loadAverages()).matches("[0-9.]+ [0-9.]+ [0-9.]+");
            assertThat(MachineLoad.cpuTicks()).hasSize(3);
        } else {
            assertThat(MachineLoad.loadAverages()).isNull();
        }
    }
}
