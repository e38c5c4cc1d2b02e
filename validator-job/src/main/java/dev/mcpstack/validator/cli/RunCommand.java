package dev.mcpstack.validator.cli;

import dev.mcpstack.validator.kubernetes.KubernetesSettings;
import dev.mcpstack.validator.metrics.MetricsPublisher;
import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.report.CheckResult;
import dev.mcpstack.validator.report.ReportWriter;
import dev.mcpstack.validator.report.ValidationReport;
import dev.mcpstack.validator.run.RunOptions;
import dev.mcpstack.validator.run.ValidationRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The main job: exit 0 only when every check passed (warnings allowed), 1 naming the failed checks otherwise. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the validation suites and write reports.")
class RunCommand implements Callable<Integer> {

    private final ValidationRun validation;

    @Option(
            names = "--target",
            defaultValue = "local",
            description = "local (embedded PostgreSQL + service jars) or kubernetes (the release's pods, in-cluster)")
    String target = "local";

    @Option(
            names = "--release",
            defaultValue = KubernetesSettings.DEFAULT_RELEASE,
            description = "kubernetes: the Helm release whose services are found by app.kubernetes.io/instance")
    String release = KubernetesSettings.DEFAULT_RELEASE;

    @Option(
            names = "--namespace",
            description =
                    "kubernetes: namespace of the release (default: the validator's own, from its service account)")
    @Nullable
    String namespace;

    @Option(
            names = "--allow-namespace",
            split = ",",
            description = "kubernetes: namespaces where faults may run (default: only the validator's own)")
    List<String> allowNamespaces = new ArrayList<>();

    @Option(
            names = "--keep-reports",
            defaultValue = "10",
            description = "kubernetes: report ConfigMaps of the release to keep (older ones are deleted)")
    int keepReports = 10;

    @Option(
            names = "--suites",
            split = ",",
            defaultValue = "benchmarks,scenarios,load,observability,resilience",
            description = "comma-separated: benchmarks,scenarios,load,observability,resilience")
    List<String> suites = new ArrayList<>();

    @Option(
            names = "--faults",
            split = ",",
            converter = FaultKindConverter.class,
            description = "resilience: only these fault kinds, e.g. database_outage,pool_exhaustion (default: all;"
                    + " process_kill and pod_kill both mean the platform's kill)")
    List<FaultKind> faults = new ArrayList<>();

    @Option(names = "--profile", defaultValue = "quick", description = "smoke|quick|standard|full")
    String profile = "quick";

    @Option(
            names = "--baseline",
            description = "baseline file, directory, report.json or configmap:NAME in-cluster (default: shipped)")
    @Nullable
    String baseline;

    @Option(names = "--out", defaultValue = "target/validation", description = "report directory")
    Path out = Path.of("target/validation");

    @Option(names = "--codebase-jar", description = "codebase-mcp executable jar (default: found in the checkout)")
    @Nullable
    Path codebaseJar;

    @Option(names = "--workflow-jar", description = "workflow-mcp executable jar (default: found in the checkout)")
    @Nullable
    Path workflowJar;

    @Option(names = "--scenarios-dir", description = "extra scenario YAML files")
    @Nullable
    Path scenariosDir;

    @Option(
            names = "--pushgateway",
            description = "push the results as mcp_validation_* metrics to this Pushgateway (http://host:9091);"
                    + " metrics.prom is written to --out either way")
    @Nullable
    URI pushgateway;

    @Option(
            names = "--think-time",
            converter = DurationConverter.class,
            description = "pause of each virtual user after a request in the staged load (default 1s, the seed's)")
    @Nullable
    Duration thinkTime;

    @Option(
            names = "--soak",
            converter = DurationConverter.class,
            description = "soak for this long at the peak VUs, paced (default: 1h in the full profile, else none)")
    @Nullable
    Duration soak;

    RunCommand(ValidationRun validation) {
        this.validation = validation;
    }

    @Override
    public Integer call() {
        RunOptions options = new RunOptions(
                target,
                suites,
                profile,
                baseline,
                out.toAbsolutePath(),
                codebaseJar,
                workflowJar,
                scenariosDir,
                thinkTime,
                soak,
                release,
                namespace,
                allowNamespaces,
                keepReports,
                faults);
        Console.progress("validation: target=" + target + " profile=" + profile + " suites=" + suites + " out=" + out);
        ValidationReport report = validation.execute(options, Console::progress);
        List<Path> files = ReportWriter.write(report, options.out());
        printSummary(report);
        files.forEach(file -> Console.print("report: " + file));
        publishMetrics(report, options.out());
        validation.publish(report, options, files, Console::print);
        List<CheckResult> failed = report.failed();
        if (failed.isEmpty()) {
            Console.print("VERDICT: " + report.verdict().wireName().toUpperCase(Locale.ROOT));
            return 0;
        }
        Console.print("VERDICT: FAIL - failed checks: "
                + String.join(
                        ", ",
                        failed.stream().map(c -> c.suite() + "/" + c.name()).toList()));
        return 1;
    }

    /** A Pushgateway that cannot be reached is reported but does not change the verdict: ValidationStale tells. */
    private void publishMetrics(ValidationReport report, Path out) {
        try {
            Console.print("metrics: " + MetricsPublisher.publish(report, out, pushgateway));
            if (pushgateway != null) {
                Console.print("metrics: pushed to " + pushgateway);
            }
        } catch (RuntimeException e) {
            Console.print("metrics: NOT published: " + e.getMessage());
        }
    }

    static void printSummary(ValidationReport report) {
        Console.print("");
        Console.print(String.format(Locale.ROOT, "%-14s %-40s %-8s %s", "SUITE", "CHECK", "STATUS", "DETAIL"));
        for (CheckResult check : report.checks()) {
            String detail = check.detail().length() > 150 ? check.detail().substring(0, 150) + "..." : check.detail();
            Console.print(String.format(
                    Locale.ROOT,
                    "%-14s %-40s %-8s %s",
                    check.suite(),
                    check.name(),
                    check.status() == PassStatus.PASS
                            ? "pass"
                            : check.status().wireName().toUpperCase(Locale.ROOT),
                    detail));
        }
        Console.print("");
    }
}
