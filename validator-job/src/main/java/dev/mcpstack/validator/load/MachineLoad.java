package dev.mcpstack.validator.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The shared machine's state from {@code /proc} (Linux; null elsewhere): load average and CPU steal, so a figure
 * measured while colleagues build is recognisable as such, and a check can name CPU saturation as the likely cause.
 */
public final class MachineLoad {

    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final Path STAT = Path.of("/proc/stat");

    private static final double SATURATED_PERCENT = 90;

    private MachineLoad() {}

    /** The 1-minute load average, or null when unknown. */
    public static @Nullable Double loadAverage1m() {
        String line = read(LOADAVG);
        if (line == null) {
            return null;
        }
        try {
            return Double.parseDouble(line.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The three load averages as {@code /proc/loadavg} prints them, or null. */
    public static @Nullable String loadAverages() {
        String line = read(LOADAVG);
        if (line == null) {
            return null;
        }
        String[] parts = line.trim().split("\\s+");
        return parts.length < 3 ? null : parts[0] + " " + parts[1] + " " + parts[2];
    }

    /** The aggregate CPU counters now: {@code [steal, total, idle]} in jiffies (idle includes iowait), or null. */
    public static long @Nullable [] cpuTicks() {
        String stat = read(STAT);
        if (stat == null || !stat.startsWith("cpu ")) {
            return null;
        }
        String[] fields = stat.substring(0, stat.indexOf('\n')).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        long steal = fields.length > 8 ? Long.parseLong(fields[8]) : 0;
        long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
        return new long[] {steal, total, idle};
    }

    /** Steal as a percentage of all CPU time between two {@link #cpuTicks()} readings, or null. */
    public static @Nullable Double stealPercent(long @Nullable [] from, long @Nullable [] to) {
        if (from == null || to == null || to[1] <= from[1]) {
            return null;
        }
        return Math.round(10_000.0 * (to[0] - from[0]) / (to[1] - from[1])) / 100.0;
    }

    /** How busy all cores were between two {@link #cpuTicks()} readings, in percent, or null. */
    public static @Nullable Double busyPercent(long @Nullable [] from, long @Nullable [] to) {
        if (from == null || to == null || from.length < 3 || to.length < 3 || to[1] <= from[1]) {
            return null;
        }
        return Math.round(10_000.0 * (1 - (double) (to[2] - from[2]) / (to[1] - from[1]))) / 100.0;
    }

    /**
     * The likely cause of a latency miss measured over a window in which the cores were {@code busyPercent} busy:
     * saturation when nearly all CPU was used; otherwise the wait for a core of a thread that wakes on a machine
     * shared by services, database and validator (the 1-minute load average alone also holds the previous work's
     * tail, so it is not the judge here).
     */
    public static String windowNote(@Nullable Double busyPercent) {
        if (busyPercent == null) {
            return saturationNote();
        }
        return saturated(busyPercent)
                ? "; likely cause: CPU saturation (" + busyShare(busyPercent) + ")"
                : "; " + busyShare(busyPercent) + ", so not saturation: likely the scheduler's wake-up delays on cores"
                        + " shared by the services, PostgreSQL and the validator";
    }

    /** Whether cores {@code busyPercent} busy over a window were saturated (90 % or more). */
    static boolean saturated(double busyPercent) {
        return busyPercent >= SATURATED_PERCENT;
    }

    /** "cores 45 % busy over the window". */
    static String busyShare(double busyPercent) {
        return String.format(Locale.ROOT, "cores %.0f %% busy over the window", busyPercent);
    }

    /** "load average 3.1 on 2 cores" when the machine is busier than its cores, else empty. */
    public static String saturationNote() {
        Double load = loadAverage1m();
        int cores = Runtime.getRuntime().availableProcessors();
        return load != null && load >= cores
                ? String.format(
                        Locale.ROOT, "; likely cause: CPU saturation (load average %.1f on %d cores)", load, cores)
                : "";
    }

    private static @Nullable String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
