package dev.mcpstack.validator.cli;

import dev.mcpstack.validator.kubernetes.ChartLabels;
import dev.mcpstack.validator.kubernetes.JobLauncher;
import dev.mcpstack.validator.kubernetes.JobTemplate;
import dev.mcpstack.validator.kubernetes.KubernetesConnector;
import dev.mcpstack.validator.kubernetes.KubernetesSettings;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * From a workstation (kubeconfig context): the chart's validation Job created in the cluster, its log streamed, the
 * report copied out, the Job's verdict as exit code (0 passed, 1 a check failed, 3 the launch itself failed).
 */
@Command(
        name = "launch",
        mixinStandardHelpOptions = true,
        description = "Run the validation Job in the cluster and wait for its verdict.")
class LaunchCommand implements Callable<Integer> {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("MMddHHmmss");

    private final KubernetesConnector connector;

    @Option(names = "--release", defaultValue = KubernetesSettings.DEFAULT_RELEASE, description = "Helm release")
    String release = KubernetesSettings.DEFAULT_RELEASE;

    @Option(names = "--namespace", description = "namespace of the release (default: the kubeconfig context's)")
    @Nullable
    String namespace;

    @Option(names = "--image", description = "validator image (default: the template's)")
    @Nullable
    String image;

    @Option(names = "--profile", defaultValue = "quick", description = "smoke|quick|standard|full")
    String profile = "quick";

    @Option(names = "--suites", description = "comma-separated suites (default: the template's)")
    @Nullable
    String suites;

    @Option(names = "--service-account", description = "default: <fullname>-validator, the chart's")
    @Nullable
    String serviceAccount;

    @Option(names = "--job-name", description = "default: <fullname>-validation-<MMddHHmmss>")
    @Nullable
    String jobName;

    @Option(names = "--timeout", defaultValue = "60m", converter = DurationConverter.class)
    Duration timeout = Duration.ofMinutes(60);

    @Option(names = "--out", defaultValue = "target/validation", description = "where the report is copied")
    Path out = Path.of("target/validation");

    LaunchCommand(KubernetesConnector connector) {
        this.connector = connector;
    }

    @Override
    public Integer call() {
        try (KubernetesClient client = connector.connect()) {
            String ns =
                    Objects.requireNonNullElse(namespace, Objects.requireNonNullElse(client.getNamespace(), "default"));
            String name = jobName != null
                    ? jobName
                    : ChartLabels.fullname(release) + "-validation-" + SUFFIX.format(ZonedDateTime.now(ZoneOffset.UTC));
            Job job = JobTemplate.edit(
                    JobTemplate.load(),
                    new JobTemplate.Edits(name, ns, release, image, profile, suites, serviceAccount));
            Console.progress("launch: Job " + ns + "/" + name + " on " + client.getMasterUrl() + ", args "
                    + JobTemplate.validatorContainer(job).getArgs());
            int exit = new JobLauncher(client, line -> Console.progress("launch: " + line), System.out)
                    .launch(job, timeout, out.toAbsolutePath());
            Console.print("VERDICT (Job " + name + "): " + (exit == 0 ? "PASS" : "FAIL, exit code " + exit));
            return exit;
        }
    }
}
