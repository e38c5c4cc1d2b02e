package dev.mcpstack.deployment.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpstack.deployment.chart.Chart;
import dev.mcpstack.deployment.chart.ChartMetadata;
import dev.mcpstack.deployment.chart.Rendered;
import dev.mcpstack.embeddedpostgres.RestartablePostgres;
import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

/**
 * The three Jib images, loaded into a Docker engine of the test's own and run exactly as the rendered chart's pod
 * specs say, against a real PostgreSQL on the host. Skips with one line where no engine can run (fails on CI).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImagesRunTest {

    private static final Path CHECKOUT = Chart.root();
    private static final List<Path> TARS = List.of(
            CHECKOUT.resolve("apps/codebase-mcp/target/jib-image.tar"),
            CHECKOUT.resolve("apps/workflow-mcp/target/jib-image.tar"),
            CHECKOUT.resolve("validator-job/target/jib-image.tar"));
    // a quiet machine starts both in about a minute; seven engineers building on two cores once took over four
    private static final Duration STARTUP = Duration.ofMinutes(8);
    private static final String SECRET = "mcp-image-test-db";

    private static DockerEngine engine;
    private static RestartablePostgres postgres;
    private static Rendered chart;
    private static ServiceCalls codebase;
    private static ServiceCalls workflow;

    @BeforeAll
    static void startStack(@TempDir Path postgresData) throws IOException {
        EngineSupport.requireImagesAndEngine(TARS);
        engine = EngineSupport.start(CHECKOUT.resolve("apps/deployment-tests/target/docker"));
        for (Path tar : TARS) {
            engine.docker("load", "-i", tar.toString());
        }
        postgres = new RestartablePostgres(postgresData);
        postgres.start();
        chart = Chart.render(Map.of(
                "postgresql.enabled",
                false,
                "externalDatabase.url",
                postgres.r2dbcUrl(),
                "externalDatabase.existingSecret",
                SECRET,
                "validator.job.enabled",
                true));
        Map<String, Map<String, String>> secrets =
                Map.of(SECRET, Map.of("username", RestartablePostgres.USER, "password", "unused-trust-auth"));

        int codebasePort = ServiceCalls.freePort();
        int workflowPort = ServiceCalls.freePort();
        String codebaseId = start("codebase-mcp", secrets, Map.of("SERVER_PORT", Integer.toString(codebasePort)));
        String workflowId = start(
                "workflow-mcp",
                secrets,
                Map.of(
                        "SERVER_PORT",
                        Integer.toString(workflowPort),
                        "WORKFLOW_CODEBASE_URL",
                        "http://127.0.0.1:" + codebasePort));
        codebase = ServiceCalls.on(codebasePort);
        workflow = ServiceCalls.on(workflowPort);
        codebase.awaitReady(STARTUP, () -> engine.logs(codebaseId));
        workflow.awaitReady(STARTUP, () -> engine.logs(workflowId));
    }

    @AfterAll
    static void stopStack() {
        if (engine != null) {
            engine.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
        assertThat(Path.of("/sys/class/net/docker0"))
                .as("the engine never makes a bridge")
                .doesNotExist();
        assertThat(DockerEngine.mountsUnder(CHECKOUT.resolve("apps/deployment-tests/target/docker")))
                .as("nothing of the engine's stays mounted in the checkout")
                .isEmpty();
    }

    @Test
    @Order(1)
    void bothServicesAreLiveAndReady() {
        for (ServiceCalls service : List.of(codebase, workflow)) {
            service.client()
                    .get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk();
            service.client()
                    .get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Test
    @Order(2)
    void indexesSearchesAndReferencesAChunkAcrossTheTwoContainers() {
        String repository = "image-test-" + UUID.randomUUID();
        byte[] archive = TarArchiveBuilder.create()
                .file("billing/InvoiceCalculator.java", """
                        package billing;

                        public class InvoiceCalculator {
                            public long computeInvoiceTotal(long net, long taxRate) {
                                return net + net * taxRate / 100;
                            }
                        }
                        """)
                .toTar();
        Map<String, Object> indexed = codebase.created(codebase.client()
                .post()
                .uri("/mcp/index?repository=" + repository)
                .contentType(MediaType.parseMediaType("application/x-tar"))
                .bodyValue(archive));
        assertThat(indexed).containsEntry("files_indexed", 1);

        Map<String, Object> found = codebase.ok(codebase.client()
                .post()
                .uri("/mcp/search")
                .bodyValue(Map.of("query", "computeInvoiceTotal", "repository_id", indexed.get("repository_id"))));
        List<?> results = (List<?>) found.get("results");
        assertThat(results).isNotEmpty();
        Object chunk = ((Map<?, ?>) results.get(0)).get("chunk_id");

        Object project = workflow.created(
                        workflow.client().post().uri("/mcp/projects").bodyValue(Map.of("name", repository)))
                .get("id");
        Map<String, Object> item = workflow.created(workflow.client()
                .post()
                .uri("/mcp/work_items")
                .bodyValue(Map.of(
                        "title", "Round invoice totals", "project_id", project, "entity_references", List.of(chunk))));
        assertThat(item.get("entity_references")).isEqualTo(List.of(chunk));

        // each read checks the reference with codebase-mcp (one container calling the other over 127.0.0.1); the
        // first calls may still exceed the 300 ms time limit on a loaded machine and answer with a warning
        Awaitility.await()
                .atMost(ServiceCalls.BUSY_RETRIES)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Object> read = workflow.ok(workflow.client()
                            .get()
                            .uri("/mcp/work_items/{id}?project_id={project}", item.get("id"), project));
                    assertThat(read.get("entity_references")).isEqualTo(List.of(chunk));
                    assertThat(read.get("warnings"))
                            .as("codebase-mcp answered the reference check")
                            .isEqualTo(List.of());
                    assertThat(read.get("stale_references")).isEqualTo(List.of());
                });
    }

    @Test
    @Order(3)
    void theValidatorImageRunsAsTheJobSays() {
        PodSpec job = chart.podSpec("Job/mcp-stack-validation");
        PodRun run = PodRun.of(chart, job, Map.of(), Map.of()).withArgs(List.of("run", "--help"));

        String output = engine.runAttached(run.runArgs("mcp-it-validator-" + UUID.randomUUID()));

        assertThat(output).contains("Usage: validator-job run").contains("--profile");
        assertThat(chart.podSpec("CronJob/mcp-stack-validation").getContainers())
                .as("the CronJob runs the same image")
                .singleElement()
                .satisfies(container -> assertThat(container.getImage()).isEqualTo(run.image()));
    }

    @Test
    @Order(4)
    void eachImageIsNonRootWithTheJvmFlagsLabelsAndPortsItShips() throws IOException {
        Map<String, String> ports = Map.of(
                "mcp-stack/codebase-mcp",
                "8020/tcp",
                "mcp-stack/workflow-mcp",
                "8010/tcp",
                "mcp-stack/validator-job",
                "");
        for (Map.Entry<String, String> image : ports.entrySet()) {
            String reference = image.getKey() + ":" + ChartMetadata.read().appVersion();
            JsonNode config = new ObjectMapper()
                    .readTree(engine.docker("image", "inspect", "--format", "{{json .Config}}", reference));

            assertThat(config.get("User").asText()).as(reference).isEqualTo("10001:10001");
            assertThat(config.get("Entrypoint").toString())
                    .as(reference)
                    .contains("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError");
            JsonNode labels = config.get("Labels");
            assertThat(labels.get("org.opencontainers.image.version").asText())
                    .startsWith(ChartMetadata.read().appVersion());
            assertThat(labels.get("org.opencontainers.image.revision").asText()).isNotBlank();
            assertThat(labels.get("org.opencontainers.image.source").asText()).isNotBlank();
            List<String> exposed = new ArrayList<>();
            if (config.hasNonNull("ExposedPorts")) {
                config.get("ExposedPorts").fieldNames().forEachRemaining(exposed::add);
            }
            assertThat(exposed)
                    .as(reference)
                    .isEqualTo(image.getValue().isEmpty() ? List.of() : List.of(image.getValue()));
        }
    }

    private static String start(
            String component, Map<String, Map<String, String>> secrets, Map<String, String> overrides) {
        PodSpec pod = chart.get(Deployment.class, "mcp-stack-" + component)
                .getSpec()
                .getTemplate()
                .getSpec();
        return engine.runDetached(
                PodRun.of(chart, pod, secrets, overrides).runArgs("mcp-it-" + component + "-" + UUID.randomUUID()));
    }
}
