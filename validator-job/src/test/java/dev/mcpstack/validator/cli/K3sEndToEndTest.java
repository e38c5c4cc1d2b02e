package dev.mcpstack.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marcnuri.helm.Helm;
import dev.mcpstack.validator.kubernetes.ChartLabels;
import dev.mcpstack.validator.kubernetes.ReportConfigMaps;
import dev.mcpstack.validator.model.Json;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The whole path a user takes, in a real cluster: k3s in Docker, the three Jib image tars and PostgreSQL loaded into
 * it (nothing is pulled), the chart installed by helm-java, {@code launch} with the quick profile and every suite;
 * then the verdict, the report ConfigMap and zero lost writes. Skips with one line where Docker, the k3s image, the
 * PostgreSQL image or the Jib tars are missing (docs/deploy.md says how to provide them).
 */
@Tag("k3s")
@Timeout(value = 60, unit = TimeUnit.MINUTES)
class K3sEndToEndTest {

    static final String K3S_IMAGE = System.getProperty("k3s.image", "rancher/k3s:v1.33.4-k3s1");
    static final String RELEASE = "e2e";
    static final String NAMESPACE = "mcp";
    static final Pattern IMPORTED = Pattern.compile("unpacking (\\S+) \\(sha256");

    @TempDir
    Path work;

    @Test
    void theQuickValidationPassesInK3sWithZeroLostWrites() throws Exception {
        Path root = Path.of(System.getProperty("validator.checkout-root", ".."))
                .toAbsolutePath()
                .normalize();
        Map<String, Path> tars = new LinkedHashMap<>();
        tars.put("codebaseMcp", root.resolve("apps/codebase-mcp/target/jib-image.tar"));
        tars.put("workflowMcp", root.resolve("apps/workflow-mcp/target/jib-image.tar"));
        tars.put("validator", root.resolve("validator-job/target/jib-image.tar"));
        String postgres = "docker.io/library/postgres:17.6";
        skipUnless(dockerSocket(), "k3s test skipped: no Docker engine (no DOCKER_HOST, no /var/run/docker.sock)");
        skipUnless(DockerClientFactory.instance().isDockerAvailable(), "k3s test skipped: Docker is not answering");
        skipUnless(
                localImage(K3S_IMAGE),
                "k3s test skipped: image " + K3S_IMAGE + " is not in the local Docker (never pulled)");
        skipUnless(localImage(postgres), "k3s test skipped: image " + postgres + " is not in the local Docker");
        List<Path> missing =
                tars.values().stream().filter(t -> !Files.exists(t)).toList();
        skipUnless(
                missing.isEmpty(),
                "k3s test skipped: no image tar " + missing + " (./mvnw -B -Pimages -DskipTests package)");

        try (K3sContainer k3s = new K3sContainer(DockerImageName.parse(K3S_IMAGE))) {
            k3s.start();
            Map<String, String> images = new LinkedHashMap<>();
            for (Map.Entry<String, Path> tar : tars.entrySet()) {
                images.put(tar.getKey(), importInto(k3s, tar.getValue()));
            }
            importInto(k3s, dockerSave(postgres));
            String kubeconfig = k3s.getKubeConfigYaml();

            var install = new Helm(root.resolve("helm"))
                    .install()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .createNamespace()
                    .withKubeConfigContents(kubeconfig)
                    .set("validator.cronJob.enabled", "false")
                    .set("validator.helmTest.enabled", "false")
                    .set("monitoring.dashboards.enabled", "false")
                    .waitReady()
                    .withTimeout(900);
            images.forEach((key, image) ->
                    install.set(key + ".image.repository", repository(image)).set(key + ".image.tag", tag(image)));
            install.call();

            KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(kubeconfig))
                    .build();
            Path out = work.resolve("validation");
            int exit = CommandLineEntry.withExitCodes(
                            new CommandLine(new LaunchCommand(() -> new KubernetesClientBuilder()
                                    .withConfig(Config.fromKubeconfig(kubeconfig))
                                    .build())))
                    .execute(
                            "--release",
                            RELEASE,
                            "--namespace",
                            NAMESPACE,
                            "--image",
                            images.get("validator"),
                            "--profile",
                            "quick",
                            "--suites",
                            "benchmarks,scenarios,load,resilience,observability",
                            "--timeout",
                            "45m",
                            "--out",
                            out.toString());

            JsonNode report = Json.MAPPER.readTree(Files.readString(out.resolve("report.json")));
            List<Long> lostWrites = new ArrayList<>();
            report.path("resilience")
                    .forEach(check -> lostWrites.add(check.path("lost_writes").asLong(-1)));
            assertThat(lostWrites)
                    .as("resilience checks with their lost writes")
                    .isNotEmpty()
                    .containsOnly(0L);
            assertThat(report.path("target").asString()).isEqualTo("kubernetes");
            assertThat(exit)
                    .as("launch's exit code follows the report's verdict " + report.path("verdict"))
                    .isEqualTo(report.path("verdict").asString().equals("fail") ? 1 : 0);
            assertThat(new ReportConfigMaps(client, NAMESPACE, RELEASE).list(Map.of()))
                    .singleElement()
                    .satisfies(c -> assertThat(c.getMetadata().getLabels())
                            .containsEntry(ChartLabels.INSTANCE, RELEASE)
                            .containsKey(ChartLabels.RUN_ID));
            assertThat(exit).as("the quick validation's verdict in k3s").isZero();
            client.close();
        }
    }

    /** The one line a skip prints to the build log (JUnit keeps assumption messages in the XML report only). */
    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println(reason);
        }
        assumeTrue(condition, reason);
    }

    private static boolean dockerSocket() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }

    private static boolean localImage(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Path dockerSave(String image) throws IOException {
        Path tar = work.resolve(image.replaceAll("[^A-Za-z0-9.]", "_") + ".tar");
        try (InputStream in =
                DockerClientFactory.instance().client().saveImageCmd(image).exec()) {
            Files.copy(in, tar);
        }
        return tar;
    }

    /** {@code ctr images import} inside the k3s node; returns the image name the tar carried. */
    private static String importInto(K3sContainer k3s, Path tar) throws IOException, InterruptedException {
        String inside = "/tmp/" + tar.getFileName();
        k3s.copyFileToContainer(MountableFile.forHostPath(tar), inside);
        var result = k3s.execInContainer("ctr", "-n", "k8s.io", "images", "import", inside);
        assertThat(result.getExitCode())
                .as("ctr import " + tar + ": " + result.getStderr())
                .isZero();
        Matcher matcher = IMPORTED.matcher(result.getStdout());
        assertThat(matcher.find()).as("image name in: " + result.getStdout()).isTrue();
        return Objects.requireNonNull(matcher.group(1));
    }

    private static String repository(String image) {
        return image.substring(0, image.lastIndexOf(':'));
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }
}
