package dev.mcpstack.validator.run;

import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.load.MachineLoad;
import dev.mcpstack.validator.load.ResourceSampler;
import dev.mcpstack.validator.model.EnvironmentInfo;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.Platform;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The machine figures of one run, for the report's environment block: the shared machine's load and CPU steal, the
 * validator's own CPU time (the client side of every figure) next to each service's ({@code process_cpu_time_ns_total}
 * of its Prometheus exposition, read before the stack stops).
 */
final class RunMachine {

    private final long @Nullable [] ticksAtStart = MachineLoad.cpuTicks();
    private final Map<String, Double> serviceCpuSeconds = new LinkedHashMap<>();

    /** Reads the services' CPU time; call while they still run. */
    void readServices(Http http, Platform platform) {
        for (ServerId server : ServerId.values()) {
            try {
                Http.Response prometheus = http.get(
                        platform.baseUrl(server).resolve("/actuator/prometheus"), Map.of("Accept", "text/plain"));
                for (String line : prometheus.text().split("\n")) {
                    if (line.startsWith("process_cpu_time_ns_total")) {
                        serviceCpuSeconds.put(
                                server.wireName(), Math.round(ResourceSampler.gaugeValue(line) / 1e7) / 100.0);
                    }
                }
            } catch (RuntimeException e) {
                // a service that does not answer any more has no figure; the report says unknown
            }
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
