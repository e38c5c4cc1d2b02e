package dev.mcpstack.validator.run;

import dev.mcpstack.validator.load.MachineLoad;
import dev.mcpstack.validator.model.EnvironmentInfo;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.Platform;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The machine figures of one run, for the report's environment block: the shared machine's load and CPU steal, the
 * validator's own CPU time (the client side of every figure) next to each service's, summed over its instances
 * ({@link Platform#cpuSeconds}: the local target reads its child processes; the services' Prometheus exposition
 * has no CPU-time counter, so the Kubernetes target reports none).
 */
final class RunMachine {

    private final long @Nullable [] ticksAtStart = MachineLoad.cpuTicks();
    private final Map<String, Double> serviceCpuSeconds = new LinkedHashMap<>();

    /** Reads the services' CPU time, where the platform can tell; call while they still run. */
    void readServices(Platform platform) {
        for (ServerId server : ServerId.values()) {
            platform.cpuSeconds(server)
                    .ifPresent(seconds -> serviceCpuSeconds.put(server.wireName(), Math.round(seconds * 100) / 100.0));
        }
    }

    EnvironmentInfo describe(EnvironmentInfo environment) {
        return environment.withMachine(
                MachineLoad.loadAverages(),
                MachineLoad.stealPercent(ticksAtStart, MachineLoad.cpuTicks()),
                clientCpuSeconds(),
                serviceCpuSeconds);
    }

    private static @Nullable Double clientCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? null : Math.round(nanos / 1e7) / 100.0;
        }
        return null;
    }
}
