package dev.mcpstack.validator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpstack.validator.model.ServerId;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A validator process that scaled a Deployment down and then gets SIGTERM (what a deleted Job's pod gets) puts the
 * scale back from its shutdown hook. The child JVM runs {@link #main} against the mock API server.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SigtermRestoreTest {

    KubernetesMockServer server;
    KubernetesClient client;

    /** The child: start the platform, take workflow-mcp away, say so, wait to be terminated. */
    public static void main(String[] args) throws InterruptedException {
        KubernetesClient child = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder()
                        .withMasterUrl(args[0])
                        .withNamespace("test")
                        .withTrustCerts(true)
                        .build())
                .build();
        KubernetesPlatform platform = new KubernetesPlatform(
                child,
                new KubernetesSettings("demo", null, Set.of(), Duration.ofSeconds(60), Duration.ofSeconds(60), 3));
        platform.start(line -> {});
        platform.stopService(ServerId.WORKFLOW);
        System.out.println("STOPPED");
        new CountDownLatch(1).await();
    }

    @Test
    void sigtermRestoresTheScaleItChanged() throws Exception {
        try (ChartCluster cluster =
                new ChartCluster(client, "test", "demo").install(2, true).runControllers()) {
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            SigtermRestoreTest.class.getName(),
                            client.getMasterUrl().toString())
                    .redirectErrorStream(true)
                    .start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(
                    () -> new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                            .lines()
                            .forEach(output::add));
            reader.start();
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> output.contains("STOPPED") || !child.isAlive());
                assertThat(output).as("child output").contains("STOPPED");
                assertThat(cluster.deployment("workflow-mcp").getSpec().getReplicas())
                        .isZero();

                child.destroy();
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

                assertThat(cluster.deployment("workflow-mcp").getSpec().getReplicas())
                        .isEqualTo(2);
                assertThat(cluster.deployment("workflow-mcp")
                                .getMetadata()
                                .getAnnotations()
                                .get(ScaleBook.RESTORE))
                        .isNull();
            } finally {
                child.destroyForcibly();
            }
        }
        MockApiShutdown.shutdown(server);
    }
}
