package dev.mcpstack.deployment.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.deployment.chart.Chart;
import dev.mcpstack.deployment.chart.Rendered;
import dev.mcpstack.embeddedpostgres.RestartablePostgres;
import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

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
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final String SECRET = "mcp-image-test-db";
    private static final Duration BUSY_RETRIES = Duration.ofSeconds(60);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private static DockerEngine engine;
    private static RestartablePostgres postgres;
    private static Rendered chart;
    private static WebTestClient codebase;
    private static WebTestClient workflow;

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

        int codebasePort = freePort();
        int workflowPort = freePort();
        String codebaseId = start("codebase-mcp", secrets, Map.of("SERVER_PORT", Integer.toString(codebasePort)));
        String workflowId = start(
                "workflow-mcp",
                secrets,
                Map.of(
                        "SERVER_PORT",
                        Integer.toString(workflowPort),
                        "WORKFLOW_CODEBASE_URL",
                        "http://127.0.0.1:" + codebasePort));
        codebase = client(codebasePort);
        workflow = client(workflowPort);
        awaitReady(codebase, codebaseId);
        awaitReady(workflow, workflowId);
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
    }

    @Test
    @Order(1)
    void bothServicesAreLiveAndReady() {
        for (WebTestClient service : List.of(codebase, workflow)) {
            service.get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk();
            service.get()
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
        Map<String, Object> indexed = created(codebase.post()
                .uri("/mcp/index?repository=" + repository)
                .contentType(MediaType.parseMediaType("application/x-tar"))
                .bodyValue(archive));
        assertThat(indexed).containsEntry("files_indexed", 1);

        Map<String, Object> found = body(
                codebase.post()
                        .uri("/mcp/search")
                        .bodyValue(
                                Map.of("query", "computeInvoiceTotal", "repository_id", indexed.get("repository_id"))),
                HttpStatus.OK);
        List<?> results = (List<?>) found.get("results");
        assertThat(results).isNotEmpty();
        Object chunk = ((Map<?, ?>) results.get(0)).get("chunk_id");

        Object project = created(workflow.post().uri("/mcp/projects").bodyValue(Map.of("name", repository)))
                .get("id");
        Map<String, Object> item = created(workflow.post()
                .uri("/mcp/work_items")
                .bodyValue(Map.of(
                        "title", "Round invoice totals", "project_id", project, "entity_references", List.of(chunk))));
        assertThat(item.get("entity_references")).isEqualTo(List.of(chunk));

        // each read checks the reference with codebase-mcp (one container calling the other over 127.0.0.1); the
        // first calls may still exceed the 300 ms time limit on a loaded machine and answer with a warning
        Awaitility.await()
                .atMost(BUSY_RETRIES)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Object> read = body(
                            workflow.get().uri("/mcp/work_items/{id}?project_id={project}", item.get("id"), project),
                            HttpStatus.OK);
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
        PodSpec job = chart.get(io.fabric8.kubernetes.api.model.batch.v1.Job.class, "mcp-stack-validation")
                .getSpec()
                .getTemplate()
                .getSpec();
        PodRun run = PodRun.of(chart, job, Map.of(), Map.of()).withArgs(List.of("run", "--help"));

        String output = engine.docker(prepend("run", "--rm", run.runArgs("mcp-it-validator-" + UUID.randomUUID())));

        assertThat(output).contains("Usage: validator-job run").contains("--profile");
        assertThat(chart.get(CronJob.class, "mcp-stack-validation")
                        .getSpec()
                        .getJobTemplate()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers())
                .as("the CronJob runs the same image")
                .singleElement()
                .satisfies(container -> assertThat(container.getImage()).isEqualTo(run.image()));
    }

    private static Map<String, Object> created(WebTestClient.RequestHeadersSpec<?> request) {
        return body(request, HttpStatus.CREATED);
    }

    /** The answer's body; a 503 (pool busy on a loaded machine) is retried after its Retry-After, as clients do. */
    private static Map<String, Object> body(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status) {
        AtomicReference<EntityExchangeResult<Map<String, Object>>> answer = new AtomicReference<>();
        Awaitility.await()
                .atMost(BUSY_RETRIES)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    answer.set(request.exchange().expectBody(JSON).returnResult());
                    return answer.get().getStatus().value() != HttpStatus.SERVICE_UNAVAILABLE.value();
                });
        assertThat(answer.get().getStatus().value()).as("%s", answer.get()).isEqualTo(status.value());
        return answer.get().getResponseBody();
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

    private static void awaitReady(WebTestClient service, String container) {
        try {
            Awaitility.await()
                    .atMost(STARTUP)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> service.get()
                            .uri("/actuator/health/readiness")
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .is2xxSuccessful());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not ready within " + STARTUP + ":\n" + engine.logs(container), e);
        }
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] prepend(String first, String second, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first, second), rest.stream())
                .toArray(String[]::new);
    }
}
