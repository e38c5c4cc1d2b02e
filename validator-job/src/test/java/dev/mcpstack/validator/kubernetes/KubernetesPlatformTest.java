package dev.mcpstack.validator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpstack.validator.model.ServerId;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Kubernetes side of the Platform seam against the fabric8 mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KubernetesPlatformTest {

    KubernetesMockServer server;
    KubernetesClient client;
    ChartCluster cluster;
    final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void installChart() {
        cluster = new ChartCluster(client, "test", "demo").install(1, true).runControllers();
    }

    @AfterEach
    void stopControllers() throws InterruptedException {
        cluster.close();
        MockApiShutdown.shutdown(server);
    }

    private KubernetesPlatform platform(String namespace, Set<String> allow) {
        return new KubernetesPlatform(
                client,
                new KubernetesSettings("demo", namespace, allow, Duration.ofSeconds(20), Duration.ofSeconds(20), 3));
    }

    @Test
    void findsTheReleaseByItsLabelsAndTheServiceUrls() {
        new ChartCluster(client, "test", "other").install(1, false);
        try (KubernetesPlatform platform = platform(null, Set.of())) {
            platform.start(progress::add);
            assertThat(platform.namespace()).isEqualTo("test");
            assertThat(platform.baseUrl(ServerId.CODEBASE))
                    .hasToString("http://demo-mcp-stack-codebase-mcp.test.svc:8020");
            assertThat(platform.baseUrl(ServerId.WORKFLOW))
                    .hasToString("http://demo-mcp-stack-workflow-mcp.test.svc:8010");
            assertThat(platform.databaseFaultRefusal()).isEmpty();
            assertThat(progress).anyMatch(line -> line.contains("StatefulSet demo-mcp-stack-postgresql"));
        }
    }

    @Test
    void aMissingReleaseIsAClearError() {
        KubernetesPlatform platform = new KubernetesPlatform(
                client,
                new KubernetesSettings("absent", null, Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(5), 3));
        assertThatThrownBy(() -> platform.start(progress::add))
                .hasMessageContaining("no Deployment labelled")
                .hasMessageContaining("app.kubernetes.io/instance=absent")
                .hasMessageContaining("helm list -n test");
        platform.close();
    }

    @Test
    void podKillDeletesWithGraceZeroAndFollowsTheReplacementToReady() throws InterruptedException {
        try (KubernetesPlatform platform = platform(null, Set.of())) {
            platform.start(progress::add);
            String before = cluster.pods("codebase-mcp").get(0).getMetadata().getName();
            platform.killInstance(ServerId.CODEBASE);
            platform.awaitReady(ServerId.CODEBASE, Duration.ofSeconds(20));

            assertThat(deleteBodies()).anyMatch(body -> body.contains("\"gracePeriodSeconds\":0"));
            List<Pod> after = cluster.pods("codebase-mcp");
            assertThat(after)
                    .extracting(p -> p.getMetadata().getName())
                    .hasSize(1)
                    .doesNotContain(before);
            assertThat(platform.recoveries()).singleElement().satisfies(recovery -> {
                assertThat(recovery.fault()).isEqualTo("pod_kill");
                assertThat(recovery.deletedPod()).isEqualTo(before);
                assertThat(recovery.replacementPod())
                        .isEqualTo(after.get(0).getMetadata().getName());
                assertThat(recovery.scheduledMs()).isNotNull().isNotNegative();
                assertThat(recovery.readyMs()).isNotNull().isGreaterThanOrEqualTo(recovery.scheduledMs());
            });
            assertThat(platform.restarts(ServerId.CODEBASE)).isEqualTo(1);
            assertThat(platform.restarts(ServerId.WORKFLOW)).isZero();
        }
    }

    @Test
    void gracefulStopDeletesWithThePodsGracePeriod() throws InterruptedException {
        try (KubernetesPlatform platform = platform(null, Set.of())) {
            platform.start(progress::add);
            platform.stopInstanceGracefully(ServerId.WORKFLOW);
            platform.awaitReady(ServerId.WORKFLOW, Duration.ofSeconds(20));
            assertThat(deleteBodies()).anyMatch(body -> body.contains("\"gracePeriodSeconds\":7"));
            assertThat(platform.recoveries())
                    .singleElement()
                    .satisfies(r -> assertThat(r.fault()).isEqualTo("graceful_stop"));
        }
    }

    @Test
    void refusesFaultsInANamespaceItWasNotGivenBeforeTouchingAnything() throws InterruptedException {
        try (ChartCluster prod = new ChartCluster(client, "prod", "demo")
                        .install(1, true)
                        .runControllers();
                KubernetesPlatform platform = platform("prod", Set.of())) {
            platform.start(progress::add);
            String pod = prod.pods("codebase-mcp").isEmpty()
                    ? null
                    : prod.pods("codebase-mcp").get(0).getMetadata().getName();
            assertThatThrownBy(() -> platform.killInstance(ServerId.CODEBASE))
                    .hasMessageContaining("namespace 'prod' is not allowed")
                    .hasMessageContaining("--allow-namespace prod");
            assertThatThrownBy(() -> platform.stopService(ServerId.CODEBASE)).hasMessageContaining("refused");
            assertThat(platform.databaseFaultRefusal())
                    .hasValueSatisfying(r -> assertThat(r).contains("not allowed"));
            assertThat(prod.deployment("codebase-mcp").getSpec().getReplicas()).isEqualTo(1);
            assertThat(prod.pods("codebase-mcp"))
                    .extracting(p -> p.getMetadata().getName())
                    .containsExactly(pod);
        }
    }

    @Test
    void faultsRunInANamespaceGivenWithAllowNamespace() throws InterruptedException {
        try (ChartCluster prod = new ChartCluster(client, "prod", "demo")
                        .install(1, true)
                        .runControllers();
                KubernetesPlatform platform = platform("prod", Set.of("prod"))) {
            platform.start(progress::add);
            platform.killInstance(ServerId.CODEBASE);
            platform.awaitReady(ServerId.CODEBASE, Duration.ofSeconds(20));
            assertThat(platform.recoveries()).hasSize(1);
        }
    }

    @Test
    void theGuardRefusesAnObjectWithoutTheChartsLabels() {
        NamespaceGuard guard = new NamespaceGuard("test", Set.of());
        Pod stranger = new PodBuilder()
                .withNewMetadata()
                .withName("stranger")
                .withNamespace("test")
                .addToLabels(ChartLabels.INSTANCE, "demo")
                .endMetadata()
                .build();
        assertThatThrownBy(() -> guard.check(stranger, "demo", "codebase-mcp"))
                .hasMessageContaining("does not carry the chart's labels")
                .hasMessageContaining("nothing was touched");
    }

    @Test
    void stopServiceScalesToZeroAndStartServiceRestores() {
        try (KubernetesPlatform platform = platform(null, Set.of())) {
            platform.start(progress::add);
            platform.stopService(ServerId.CODEBASE);
            assertThat(cluster.pods("codebase-mcp")).isEmpty();
            assertThat(cluster.deployment("codebase-mcp").getSpec().getReplicas())
                    .isZero();
            assertThat(cluster.deployment("codebase-mcp").getMetadata().getAnnotations())
                    .containsEntry(ScaleBook.RESTORE, "1");

            platform.startService(ServerId.CODEBASE, Duration.ofSeconds(20));
            assertThat(cluster.deployment("codebase-mcp").getSpec().getReplicas())
                    .isEqualTo(1);
            // a real API server drops a key patched to null (RFC 7386); the mock keeps it as null
            assertThat(cluster.deployment("codebase-mcp")
                            .getMetadata()
                            .getAnnotations()
                            .get(ScaleBook.RESTORE))
                    .isNull();
            assertThat(cluster.pods("codebase-mcp")).hasSize(1);
        }
    }

    @Test
    void closeRestoresEveryScaleItChangedWhenTheCheckFailedHalfway() {
        client.apps()
                .deployments()
                .inNamespace("test")
                .withName("demo-mcp-stack-workflow-mcp")
                .scale(2);
        KubernetesPlatform platform = platform(null, Set.of());
        platform.start(progress::add);
        platform.stopService(ServerId.WORKFLOW);
        platform.stopDatabase();
        assertThat(cluster.deployment("workflow-mcp").getSpec().getReplicas()).isZero();

        platform.close();
        platform.close();

        assertThat(cluster.deployment("workflow-mcp").getSpec().getReplicas()).isEqualTo(2);
        assertThat(client.apps()
                        .statefulSets()
                        .inNamespace("test")
                        .withName("demo-mcp-stack-postgresql")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isEqualTo(1);
        assertThat(progress).contains("restored Deployment demo-mcp-stack-workflow-mcp to 2 replica(s)");
    }

    @Test
    void restoresWhatAKilledEarlierRunLeftScaledDown() {
        // a merge patch without a resource version, as ScaleBook writes it: the test's controller may still be
        // writing the status it started with, and any write carrying an earlier read's version would fail (409)
        client.apps()
                .deployments()
                .inNamespace("test")
                .withName(cluster.deployment("codebase-mcp").getMetadata().getName())
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"" + ScaleBook.RESTORE + "\":\"1\"}},"
                                + "\"spec\":{\"replicas\":0}}");
        try (KubernetesPlatform platform = platform(null, Set.of())) {
            platform.start(progress::add);
            assertThat(cluster.deployment("codebase-mcp").getSpec().getReplicas())
                    .isEqualTo(1);
            assertThat(progress)
                    .anyMatch(line -> line.contains("an earlier run left Deployment demo-mcp-stack-codebase-mcp"));
        }
    }

    @Test
    void databaseOutageScalesTheBundledStatefulSetAndBack() {
        try (KubernetesPlatform platform = platform(null, Set.of())) {
            platform.start(progress::add);
            platform.stopDatabase();
            assertThat(cluster.pods("database")).isEmpty();
            platform.startDatabase();
            assertThat(cluster.pods("database")).hasSize(1);
        }
    }

    @Test
    void anExternalDatabaseIsRefusedWithTheReason() {
        client.apps()
                .statefulSets()
                .inNamespace("test")
                .withName("demo-mcp-stack-postgresql")
                .delete();
        try (KubernetesPlatform platform = platform(null, Set.of())) {
            platform.start(progress::add);
            assertThat(platform.databaseFaultRefusal())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("the database is external"));
            assertThatThrownBy(platform::stopDatabase).hasMessageContaining("the database is external");
        }
    }

    @Test
    void readsTheServicesLogsThroughTheApi() {
        try (KubernetesPlatform platform = platform(null, Set.of())) {
            platform.start(progress::add);
            String pod = cluster.pods("codebase-mcp").get(0).getMetadata().getName();
            server.expect()
                    .get()
                    .withPath("/api/v1/namespaces/test/pods/" + pod + "/log?pretty=false&container=codebase-mcp")
                    .andReturn(200, "{\"level\":\"INFO\"}\n{\"level\":\"WARN\"}\n")
                    .always();
            assertThat(platform.logLines(ServerId.CODEBASE))
                    .containsExactly("{\"level\":\"INFO\"}", "{\"level\":\"WARN\"}");
        }
    }

    private List<String> deleteBodies() throws InterruptedException {
        List<String> bodies = new java.util.ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            if (request.getMethod().equals("DELETE") && request.getPath().contains("/pods/")) {
                bodies.add(request.getUtf8Body());
            }
        }
        return bodies;
    }
}
