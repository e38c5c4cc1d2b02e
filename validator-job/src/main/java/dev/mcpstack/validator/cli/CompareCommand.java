package dev.mcpstack.validator.cli;

import dev.mcpstack.validator.config.ValidatorProperties;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.regression.BaselineStore;
import dev.mcpstack.validator.regression.RegressionRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The hybrid regression rule alone: current results against a baseline, non-zero exit on a failing verdict. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Apply the regression rule to results.")
class CompareCommand implements Callable<Integer> {

    private final ValidatorProperties properties;

    @Option(names = "--current", required = true, description = "result file, array, report.json or directory")
    Path current = Path.of(".");

    @Option(names = "--baseline", required = true, description = "baseline file, array, report.json or directory")
    Path baseline = Path.of(".");

    CompareCommand(ValidatorProperties properties) {
        this.properties = properties;
    }

    @Override
    public Integer call() {
        RegressionRule rule = new RegressionRule(
                properties.regression().warnPercent(), properties.regression().failPercent());
        Map<String, PerformanceBenchmarkResult> baselines = BaselineStore.latestByKey(BaselineStore.load(baseline));
        List<PerformanceBenchmarkResult> results = BaselineStore.load(current).stream()
                .map(r -> rule.apply(
                        r, baselines.get(BaselineStore.key(r.serverId(), r.operationType())), properties.targetFor(r)))
                .toList();
        PassStatus worst = PassStatus.PASS;
        Console.print(String.format(
                Locale.ROOT,
                "%-14s %-15s %10s %10s %10s  %s",
                "server",
                "operation",
                "value ms",
                "baseline",
                "target",
                "verdict"));
        for (PerformanceBenchmarkResult r : results) {
            worst = worst.worst(r.passStatus());
            Console.print(String.format(
                    Locale.ROOT,
                    "%-14s %-15s %10.2f %10s %10s  %s",
                    r.serverId(),
                    r.operationType().wireName(),
                    r.gatedLatencyMs(),
                    r.baselineP95Ms() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.baselineP95Ms()),
                    r.targetThresholdMs() == null ? "-" : r.targetThresholdMs(),
                    r.passStatus().wireName().toUpperCase(Locale.ROOT)));
            r.notes().forEach(n -> Console.print("    " + n));
        }
        Console.print("verdict: " + worst.wireName().toUpperCase(Locale.ROOT));
        return worst == PassStatus.FAIL ? 1 : 0;
    }
}
