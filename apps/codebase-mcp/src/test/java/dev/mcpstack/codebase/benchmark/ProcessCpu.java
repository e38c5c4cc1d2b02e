package dev.mcpstack.codebase.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU seconds used by this JVM and by the PostgreSQL server on a port (postmaster and its live children), read from
 * /proc: on a shared machine wall-clock times depend on everyone else's load, CPU times much less. Linux only; zero
 * elsewhere.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    static double jvmSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    static double postgresSeconds(int port) {
        List<Long> postmasters = new ArrayList<>();
        List<long[]> all = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmdline = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    String[] stat = Files.readString(process.resolve("stat"))
                            .replaceAll("^.*\\) ", "")
                            .split(" ");
                    long pid = Long.parseLong(name);
                    long parent = Long.parseLong(stat[1]);
                    long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    if (cmdline.contains("postgres") && cmdline.contains("-p " + port + " ")) {
                        postmasters.add(pid);
                    }
                    all.add(new long[] {pid, parent, ticks});
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked: its time is gone either way
                }
            }
        } catch (IOException e) {
            return 0;
        }
        long ticks = 0;
        for (long[] process : all) {
            if (postmasters.contains(process[0]) || postmasters.contains(process[1])) {
                ticks += process[2];
            }
        }
        return ticks / TICKS_PER_SECOND;
    }
}
