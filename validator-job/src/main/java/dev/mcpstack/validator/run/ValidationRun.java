package dev.mcpstack.validator.run;

import dev.mcpstack.validator.benchmarks.BenchmarkSuite;
import dev.mcpstack.validator.benchmarks.StackClient;
import dev.mcpstack.validator.config.LoadModes;
import dev.mcpstack.validator.config.ValidatorProperties;
import dev.mcpstack.validator.config.ValidatorProperties.Profile;
import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.kubernetes.ClusterBaselines;
import dev.mcpstack.validator.kubernetes.KubernetesConnector;
import dev.mcpstack.validator.kubernetes.KubernetesPlatform;
import dev.mcpstack.validator.kubernetes.KubernetesResults;
import dev.mcpstack.validator.load.LoadSuite;
import dev.mcpstack.validator.model.EnvironmentInfo;
import dev.mcpstack.validator.model.IntegrationTestCase;
import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PassStatus;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.model.ResilienceCheckResult;
import dev.mcpstack.validator.observability.ObservabilitySuite;
import dev.mcpstack.validator.platform.LocalPlatform;
import dev.mcpstack.validator.platform.Platform;
import dev.mcpstack.validator.regression.BaselineStore;
import dev.mcpstack.validator.report.CheckResult;
import dev.mcpstack.validator.report.ValidationReport;
import dev.mcpstack.validator.resilience.ResilienceProperties;
import dev.mcpstack.validator.resilience.ResilienceSuite;
import dev.mcpstack.validator.scenarios.ScenarioLoader;
import dev.mcpstack.validator.scenarios.ScenarioRunner;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code run} command's work: bring the platform up, run the chosen suites in order (benchmarks, scenarios,
 * load, observability: the metrics and logs checks see the traffic of the others; then resilience), judge, tear
 * down. A suite that blows up becomes a failed check, never a crash without a report.
 */
@Component
public class ValidationRun {

    private final ValidatorProperties properties;
    private final ResilienceProperties resilienceProperties;
    private final LoadModes loadModes;
    private final KubernetesConnector kubernetes;

    ValidationRun(
            ValidatorProperties properties,
            ResilienceProperties resilienceProperties,
            LoadModes loadModes,
            KubernetesConnector kubernetes) {
        this.properties = properties;
        this.resilienceProperties = resilienceProperties;
        this.loadModes = loadModes;
        this.kubernetes = kubernetes;
    }

    public ValidationReport execute(RunOptions options, Consumer<String> progress) {
        Profile profile = properties.profile(options.profile());
        EnvironmentInfo environment = Environments.current(options.profile(), options.target());
        RunMachine machine = new RunMachine();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Instant started = Instant.now();
        Http http = new Http(properties.requestTimeout());
        List<CheckResult> checks = new ArrayList<>();
        List<PerformanceBenchmarkResult> benchmarks = new ArrayList<>();
        List<IntegrationTestCase> scenarios = new ArrayList<>();
        List<LoadTestResult> load = new ArrayList<>();
        List<ResilienceCheckResult> resilience = new ArrayList<>();
        Judge judge = new Judge(properties, baseline(options));
        // the environment is described when the run ends: CPU and load figures cover the whole run
        Supplier<ValidationReport> finish = () -> report(
                options,
                machine.describe(environment),
                started,
                checks,
                benchmarks,
                scenarios,
                load,
                resilience,
                judge);
        try (KubernetesClient client = options.kubernetes() ? kubernetes.connect() : null;
                Platform platform = platform(options, http, client)) {
            try {
                platform.start(progress);
            } catch (RuntimeException e) {
                checks.add(CheckResult.fail("platform", "start " + options.target(), String.valueOf(e.getMessage())));
                return finish.get();
            }
            StackClient stack = new StackClient(http, platform);
            if (options.includes("benchmarks")) {
                Map<String, String> failures = new LinkedHashMap<>();
                BenchmarkSuite suite = new BenchmarkSuite(stack, properties, profile, environment, runId, progress);
                benchmarks.addAll(suite.run(failures));
                failures.forEach((name, why) -> checks.add(CheckResult.fail("benchmarks", name, why)));
                checks.addAll(suite.selfChecks());
            }
            if (options.includes("scenarios")) {
                ScenarioRunner runner = new ScenarioRunner(http, platform::baseUrl, progress);
                suite(checks, "scenarios", () -> {
                    for (IntegrationTestCase testCase : ScenarioLoader.load(options.scenariosDir())) {
                        ScenarioRunner.Outcome outcome = runner.run(testCase);
                        scenarios.add(outcome.testCase());
                        checks.add(CheckResult.of(
                                "scenarios",
                                testCase.testId(),
                                outcome.passed(),
                                outcome.passed()
                                        ? outcome.stepsPassed() + " steps in " + outcome.durationMs() + " ms"
                                        : String.valueOf(outcome.testCase().lastRunError())));
                    }
                });
            }
            if (options.includes("load")) {
                suite(
                        checks,
                        "load",
                        () -> checks.addAll(new LoadSuite(
                                        stack,
                                        properties,
                                        loadModes,
                                        profile,
                                        loadModes.plan(options.profile(), options.thinkTime(), options.soak()),
                                        runId,
                                        progress)
                                .run(load)));
            }
            if (options.includes("observability")) {
                suite(
                        checks,
                        "observability",
                        () -> checks.addAll(new ObservabilitySuite(
                                        http,
                                        platform,
                                        profile.healthRequests(),
                                        properties.targetMs(OperationType.HEALTH),
                                        environment,
                                        progress)
                                .run(benchmarks)));
            }
            if (options.includes("resilience")) {
                // last: kills and outages must not disturb the other suites' figures or the log check
                suite(
                        checks,
                        "resilience",
                        () -> resilience.addAll(
                                new ResilienceSuite(http, platform, resilienceProperties, options.profile(), progress)
                                        .run(options.faults(), checks)));
            }
            machine.readServices(platform);
            if (platform instanceof KubernetesPlatform cluster) {
                cluster.recoveries()
                        .forEach(recovery -> checks.add(new CheckResult(
                                "resilience",
                                "pod replaced: " + recovery.component() + " " + recovery.fault(),
                                recovery.complete() ? PassStatus.PASS : PassStatus.WARNING,
                                recovery.toString())));
            }
            progress.accept("stopping the stack");
        }
        return finish.get();
    }

    private Platform platform(RunOptions options, Http http, @Nullable KubernetesClient client) {
        if (client != null) {
            return new KubernetesPlatform(client, options.kubernetesSettings(properties.startupTimeout()));
        }
        return new LocalPlatform(
                new LocalPlatform.Settings(
                        options.codebaseJar(),
                        options.workflowJar(),
                        options.out().resolve("logs"),
                        properties.startupTimeout(),
                        List.of("-Xms256m", "-Xmx768m", "-XX:+ExitOnOutOfMemoryError"),
                        Boolean.TRUE.equals(properties.classDataSharing())),
                http);
    }

    /** {@code configmap:NAME} (in-cluster baselines) becomes a directory of baseline files under {@code --out}. */
    private @Nullable String baseline(RunOptions options) {
        String baseline = options.baseline();
        if (baseline == null || !baseline.startsWith(ClusterBaselines.PREFIX)) {
            return baseline;
        }
        try (KubernetesClient client = kubernetes.connect()) {
            String namespace = KubernetesConnector.namespace(client, options.namespace());
            return new ClusterBaselines(client, namespace)
                    .materialize(
                            baseline.substring(ClusterBaselines.PREFIX.length()),
                            options.out().resolve("baselines"))
                    .toString();
        }
    }

    /** In-cluster, the report also goes to a ConfigMap and the Job's log; local runs have only the files. */
    public void publish(ValidationReport report, RunOptions options, List<Path> files, Consumer<String> out) {
        if (options.kubernetes()) {
            new KubernetesResults(kubernetes)
                    .publish(report, options.kubernetesSettings(properties.startupTimeout()), files, out);
        }
    }

    private static void suite(List<CheckResult> checks, String suite, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            checks.add(CheckResult.fail(suite, suite + " suite", "could not run: " + e.getMessage()));
        }
    }

    private ValidationReport report(
            RunOptions options,
            EnvironmentInfo environment,
            Instant started,
            List<CheckResult> checks,
            List<PerformanceBenchmarkResult> measured,
            List<IntegrationTestCase> scenarios,
            List<LoadTestResult> load,
            List<ResilienceCheckResult> resilience,
            Judge judge) {
        List<PerformanceBenchmarkResult> judged = judge.apply(measured);
        List<CheckResult> all = new ArrayList<>();
        for (PerformanceBenchmarkResult result : judged) {
            all.add(new CheckResult(
                    result.operationType() == OperationType.HEALTH ? "observability" : "benchmarks",
                    result.serverId() + " " + result.operationType().wireName(),
                    result.passStatus(),
                    String.join("; ", result.notes())));
        }
        all.addAll(checks);
        return new ValidationReport(
                UUID.randomUUID().toString(),
                started,
                Instant.now(),
                options.target(),
                options.profile(),
                options.suites(),
                environment,
                ValidationReport.verdictOf(all),
                all,
                judged,
                scenarios,
                load,
                judge.source(),
                resilience);
    }

    /** The regression rule with the chosen baselines; a run's own request failures stay failures. */
    static final class Judge {
        private final ValidatorProperties properties;
        private final String source;
        private final Map<String, PerformanceBenchmarkResult> baselines;

        Judge(ValidatorProperties properties, @org.jspecify.annotations.Nullable String baseline) {
            this.properties = properties;
            this.source = baseline == null ? "shipped baselines (" + BaselineStore.SHIPPED + ")" : baseline;
            this.baselines =
                    BaselineStore.latestByKey(BaselineStore.load(baseline == null ? BaselineStore.SHIPPED : baseline));
        }

        String source() {
            return source;
        }

        List<PerformanceBenchmarkResult> apply(List<PerformanceBenchmarkResult> results) {
            var rule = new dev.mcpstack.validator.regression.RegressionRule(
                    properties.regression().warnPercent(),
                    properties.regression().failPercent());
            return results.stream()
                    .map(result -> {
                        PerformanceBenchmarkResult judged = rule.apply(
                                result,
                                baselines.get(BaselineStore.key(result.serverId(), result.operationType())),
                                result.targetThresholdMs());
                        if (result.passStatus() == dev.mcpstack.validator.model.PassStatus.FAIL) {
                            List<String> notes = new ArrayList<>(result.notes());
                            notes.addAll(judged.notes());
                            return judged.withVerdict(
                                    dev.mcpstack.validator.model.PassStatus.FAIL, judged.baselineP95Ms(), notes);
                        }
                        return judged;
                    })
                    .toList();
        }
    }
}
