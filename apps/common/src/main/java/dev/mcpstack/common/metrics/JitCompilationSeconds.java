package dev.mcpstack.common.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import org.springframework.stereotype.Component;

/**
 * {@code jvm_compilation_seconds_total}: the time the JIT compiler threads have spent compiling (the JVM's elapsed
 * compilation time, summed over those threads), in seconds, so that it passes
 * {@code promtool check metrics} where Micrometer's millisecond counter ({@code jvm.compilation.time}, dropped by
 * {@link PrometheusLint}) does not. A freshly started service compiles for tens of seconds under its first load,
 * on the same cores as its requests: the validator's benchmarks warm up until this counter stops rising, and a
 * dashboard shows why a new pod is slower for its first minute.
 */
@Component
final class JitCompilationSeconds implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return;
        }
        FunctionCounter.builder("jvm.compilation", compiler, bean -> bean.getTotalCompilationTime() / 1000.0)
                .baseUnit("seconds")
                .description("Time the JIT compiler threads have spent compiling")
                .register(registry);
    }
}
