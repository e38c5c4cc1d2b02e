package dev.mcpstack.validator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.ValidatorApplication;
import dev.mcpstack.validator.model.Json;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import tools.jackson.databind.JsonNode;

/**
 * {@code run --target kubernetes} through the real command line, the client configured the way fabric8 reads it in
 * a pod (system properties instead of the service-account files), against the mock API server with the chart's
 * objects and controllers. The services' URLs do not resolve outside a cluster, so the suites' checks fail: this
 * proves the wiring (discovery, readiness, exit code, report ConfigMap, report in the log), not the services.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KubernetesRunTest {

    KubernetesMockServer server;
    KubernetesClient client;
    ChartCluster cluster;

    @TempDir
    Path out;

    @BeforeEach
    void pointFabric8AtTheMockServer() {
        System.setProperty(
                Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, client.getMasterUrl().toString());
        System.setProperty(Config.KUBERNETES_NAMESPACE_SYSTEM_PROPERTY, "test");
        System.setProperty(Config.KUBERNETES_TRUST_CERT_SYSTEM_PROPERTY, "true");
        System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
        System.setProperty(Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false");
        cluster = new ChartCluster(client, "test", "demo").install(1, true).runControllers();
    }

    @AfterEach
    void forget() throws InterruptedException {
        cluster.close();
        MockApiShutdown.shutdown(server);
        List.of(
                        Config.KUBERNETES_MASTER_SYSTEM_PROPERTY,
                        Config.KUBERNETES_NAMESPACE_SYSTEM_PROPERTY,
                        Config.KUBERNETES_TRUST_CERT_SYSTEM_PROPERTY,
                        Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY,
                        Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY)
                .forEach(System::clearProperty);
    }

    @Test
    void theReportGoesToAConfigMapAndTheLogAndTheExitCodeIsTheVerdict() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = SpringApplication.exit(SpringApplication.run(
                    ValidatorApplication.class,
                    "run",
                    "--target",
                    "kubernetes",
                    "--release",
                    "demo",
                    "--profile",
                    "smoke",
                    "--suites",
                    "observability",
                    "--out",
                    out.toString(),
                    "--validator.request-timeout=2s"));
        } finally {
            System.setOut(original);
        }
        String log = buffer.toString(StandardCharsets.UTF_8);

        JsonNode report = Json.MAPPER.readTree(Files.readString(out.resolve("report.json")));
        assertThat(report.path("target").asString()).isEqualTo("kubernetes");
        assertThat(report.path("verdict").asString()).isEqualTo("fail");
        assertThat(exit).isEqualTo(1);
        assertThat(log)
                .contains("kubernetes: release demo in namespace test")
                .contains(
                        "codebase-mcp: Deployment demo-mcp-stack-codebase-mcp, Service http://demo-mcp-stack-codebase-mcp.test.svc:8020")
                .contains("----- report.md -----")
                .contains("# Validation report")
                .contains("report ConfigMap: test/demo-validation-");

        List<ConfigMap> reports = new ReportConfigMaps(client, "test", "demo").list(Map.of());
        assertThat(reports).singleElement().satisfies(configMap -> {
            assertThat(configMap.getData().get("report.json")).isEqualTo(Files.readString(out.resolve("report.json")));
            assertThat(configMap.getData()).containsKeys("report.md", "report.html");
            assertThat(configMap.getMetadata().getLabels()).containsEntry(ReportConfigMaps.VERDICT, "fail");
        });
    }
}
