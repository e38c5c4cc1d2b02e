package dev.mcpstack.workflow.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU spent during a phase, per request: this JVM (workflow-mcp, codebase-mcp and the load client together), the
 * load client's own event-loop thread, and the rest of the machine from {@code /proc/stat} (PostgreSQL's backends:
 * under the exclusive machine lock little else runs). At 10 clients on 2 cores latency is mostly queueing for CPU,
 * so CPU per request is what a change moves, and it spreads less from run to run than the latency does.
 */
final class CpuMeter {

    /** {@code /proc/stat} counts in USER_HZ ticks, 100 per second on Linux. */
    private static final long MICROS_PER_TICK = 10_000;

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final Path PROC_SELF_STAT = Path.of("/proc/self/stat");

    record Sample(long jvmNanos, long clientNanos, long jvmKernelTicks, long busyTicks, long stealTicks) {}

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final String clientThreadPrefix;

    CpuMeter(String clientThreadPrefix) {
        this.clientThreadPrefix = clientThreadPrefix;
    }

    static String header() {
        return "| phase | requests | this JVM µs/req | of which in the kernel | of which the load client"
                + " | rest of machine µs/req | machine µs/req | steal |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n";
    }

    Sample sample() {
        long[] machine = machineTicks();
        return new Sample(os.getProcessCpuTime(), clientNanos(), kernelTicks(), machine[0], machine[1]);
    }

    /** One table row for the phase that began at {@code before}; the machine columns are "n/a" off Linux. */
    String row(String phase, long requests, Sample before) {
        Sample after = sample();
        double perRequest = Math.max(1, requests);
        double jvm = (after.jvmNanos() - before.jvmNanos()) / 1000.0 / perRequest;
        double client = (after.clientNanos() - before.clientNanos()) / 1000.0 / perRequest;
        String kernel = after.jvmKernelTicks() < 0 || before.jvmKernelTicks() < 0
                ? "n/a"
                : String.format(
                        "%.0f", (after.jvmKernelTicks() - before.jvmKernelTicks()) * MICROS_PER_TICK / perRequest);
        String rest = "n/a";
        String machine = "n/a";
        String steal = "n/a";
        if (after.busyTicks() >= 0 && before.busyTicks() >= 0) {
            double busy = (after.busyTicks() - before.busyTicks()) * MICROS_PER_TICK / perRequest;
            machine = String.format("%.0f", busy);
            rest = String.format("%.0f", Math.max(0, busy - jvm));
            long stolen = after.stealTicks() - before.stealTicks();
            long all = after.busyTicks() - before.busyTicks() + stolen;
            steal = String.format("%.1f %%", all == 0 ? 0.0 : 100.0 * stolen / all);
        }
        return String.format(
                "| %s | %d | %.0f | %s | %.0f | %s | %s | %s |",
                phase, requests, jvm, kernel, client, rest, machine, steal);
    }

    private long clientNanos() {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(clientThreadPrefix)) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    /** This process's system time in ticks ({@code stime}, field 15 of {@code /proc/self/stat}), or -1. */
    private static long kernelTicks() {
        try {
            String stat = Files.readString(PROC_SELF_STAT);
            // the command name (field 2) may hold spaces; the fields after its closing parenthesis do not
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** {busy, steal} ticks of all CPUs since boot, or {-1, -1} when {@code /proc/stat} cannot be read. */
    private static long[] machineTicks() {
        try {
            String cpu = Files.readAllLines(PROC_STAT).get(0);
            long[] fields = Arrays.stream(cpu.substring(3).trim().split("\\s+"))
                    .mapToLong(Long::parseLong)
                    .toArray();
            // user nice system idle iowait irq softirq steal ...: busy is all but idle, iowait and steal
            long busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6];
            return new long[] {busy, fields.length > 7 ? fields[7] : 0};
        } catch (IOException | RuntimeException unreadable) {
            return new long[] {-1, -1};
        }
    }
}
