package dev.mcpstack.workflow.benchmark;

import static dev.mcpstack.workflow.testing.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import dev.mcpstack.workflow.WorkflowMcpApplication;
import dev.mcpstack.workflow.testing.Api;
import dev.mcpstack.workflow.testing.CodebaseProcess;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Latency of workflow-mcp over HTTP on 127.0.0.1 with 10 concurrent clients: project switches, entity queries
 * over 1 000 entities in 5 projects, and work-item creation with a reference check against the real codebase-mcp
 * in this JVM. Not part of {@code verify}; run with {@code ./mvnw -pl apps/workflow-mcp -Pbenchmark verify}.
 */
@Tag("benchmark")
@SpringBootTest(
        properties = WorkflowMcpApplication.CONFIG_NAME,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class WorkflowBenchmarkTest {

    private static final int CLIENTS = 10;
    private static final int WARM_UP_ROUNDS = 2;
    private static final Duration WARM_UP = Duration.ofSeconds(8);
    private static final int PROJECTS = 5;
    private static final int ENTITIES_PER_PROJECT = 200;
    private static final String[] TYPES = {"service", "team", "adr", "incident", "runbook"};
    private static final String[] LANGS = {"java", "go", "python"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final CodebaseProcess codebase = new CodebaseProcess();

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void pointAtCodebase(DynamicPropertyRegistry registry) {
        registry.add("workflow.codebase.url", codebase::url);
    }

    @Test
    void measuresSwitchQueryAndWorkItemLatencies() throws Exception {
        Api api = new Api(http);
        List<UUID> projects = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            UUID project = api.createProject("bench-" + p);
            projects.add(project);
            for (int i = 0; i < ENTITIES_PER_PROJECT; i++) {
                int n = i;
                // set-up only: a busy machine can make the pool's bounded wait answer 503, so set-up retries
                // (no poll delay: Awaitility's default of one poll interval made the set-up 100 s of sleeping)
                await().atMost(Duration.ofSeconds(30))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> api.createEntity(
                                                project,
                                                TYPES[n % TYPES.length],
                                                TYPES[n % TYPES.length] + "-" + n,
                                                Map.of(
                                                        "lang",
                                                        LANGS[n % 3],
                                                        "tier",
                                                        n % 4,
                                                        "owner",
                                                        "team-" + (n % 10)),
                                                "tag-" + (n % 20),
                                                "tag-" + ((n + 7) % 20))
                                        .status()
                                == 201);
            }
        }
        List<String> chunks = indexAndFindChunks();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int c = 0; c < CLIENTS; c++) {
            api.activate(clientId(run, c), projects.get(c % PROJECTS));
        }
        LoadRunner runner = new LoadRunner("http://127.0.0.1:" + port);

        LoadRunner.Workload switches = (client, i) -> new LoadRunner.Call(
                "POST",
                "/mcp/projects/" + projects.get((client + i) % PROJECTS) + "/activate",
                "switch-" + run + "-" + client,
                null,
                200);
        LoadRunner.Workload workItems = (client, i) -> new LoadRunner.Call(
                "POST",
                "/mcp/work_items",
                clientId(run, client),
                JSON.writeValueAsString(body(
                        "title",
                        "bench " + client + "-" + i,
                        "entity_references",
                        chunks.subList(i % chunks.size(), Math.min(chunks.size(), i % chunks.size() + 3)))),
                201);
        UUID sample = new Api(http)
                .post(
                        "/mcp/work_items",
                        clientId(run, 0),
                        body("title", "read me", "entity_references", chunks.subList(0, 3)))
                .expect(201)
                .id();
        LoadRunner.Workload workItemReads = (client, i) -> new LoadRunner.Call(
                "GET",
                "/mcp/work_items/" + sample + "?project_id=" + projects.get(0),
                clientId(run, client),
                null,
                200);

        // warm-up, not recorded: connection pools, prepared statements and above all the JIT. With two compiler
        // threads on two busy cores, C2 needs about a minute of this traffic before a request costs what it will
        // in steady state; a short warm-up measured the compiler (docs/performance/workflow-mcp.md).
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            runner.run("warm-up switches", CLIENTS, Integer.MAX_VALUE, WARM_UP, switches);
            for (int kind = 0; kind < QUERY_KINDS.length; kind++) {
                runner.run("warm-up queries", CLIENTS, Integer.MAX_VALUE, WARM_UP.dividedBy(2), queries(run, kind));
            }
            runner.run("warm-up work items", CLIENTS, Integer.MAX_VALUE, WARM_UP, workItems);
            runner.run("warm-up work item reads", CLIENTS, Integer.MAX_VALUE, WARM_UP, workItemReads);
        }

        ServerTimer serverSwitch = new ServerTimer(meters, "workflow_mcp.project_switch.latency");
        ServerTimer serverQuery = new ServerTimer(meters, "workflow_mcp.entity_query.latency");
        CpuMeter cpu = new CpuMeter(LoadRunner.THREAD_PREFIX);
        StringBuilder cpuRows = new StringBuilder(CpuMeter.header());
        List<LoadRunner.Result> results = new ArrayList<>();
        serverSwitch.start();
        CpuMeter.Sample phase = cpu.sample();
        results.add(runner.run("project switch (POST /mcp/projects/{id}/activate)", CLIENTS, 300, switches));
        cpuRows.append(cpu.row("10 clients: project switch", last(results), phase))
                .append('\n');
        String serverSide = String.format(
                "server-side timers, 10 clients (bucket upper bounds): project switch p50 <= %.2f ms, p95 <= %.2f ms",
                serverSwitch.percentileMillis(0.50), serverSwitch.percentileMillis(0.95));
        serverQuery.start();
        List<LoadRunner.Result> queryResults = new ArrayList<>();
        phase = cpu.sample();
        for (int kind = 0; kind < QUERY_KINDS.length; kind++) {
            queryResults.add(runner.run("entity query: " + QUERY_KINDS[kind], CLIENTS, 100, queries(run, kind)));
        }
        serverSide += String.format(
                "; entity query p50 <= %.2f ms, p95 <= %.2f ms",
                serverQuery.percentileMillis(0.50), serverQuery.percentileMillis(0.95));
        results.add(LoadRunner.Result.merge("entity query, all kinds above (POST /mcp/entities/query)", queryResults));
        cpuRows.append(cpu.row("10 clients: entity query, all kinds", last(results), phase))
                .append('\n');
        results.addAll(queryResults);
        phase = cpu.sample();
        results.add(runner.run("work item create + reference check (POST /mcp/work_items)", CLIENTS, 150, workItems));
        cpuRows.append(cpu.row("10 clients: work item create", last(results), phase))
                .append('\n');
        phase = cpu.sample();
        results.add(
                runner.run("work item read + reference check (GET /mcp/work_items/{id})", CLIENTS, 150, workItemReads));
        cpuRows.append(cpu.row("10 clients: work item read", last(results), phase))
                .append('\n');

        // the same operations from one client at a time: the service's own latency without queueing for CPU
        phase = cpu.sample();
        results.add(runner.run("1 client: project switch", 1, 1000, switches));
        cpuRows.append(cpu.row("1 client: project switch", last(results), phase))
                .append('\n');
        phase = cpu.sample();
        results.add(runner.run("1 client: entity query, entity_type", 1, 1000, queries(run, 0)));
        cpuRows.append(cpu.row("1 client: entity query, entity_type", last(results), phase))
                .append('\n');
        phase = cpu.sample();
        results.add(runner.run("1 client: work item create + reference check", 1, 1000, workItems));
        cpuRows.append(cpu.row("1 client: work item create", last(results), phase))
                .append('\n');
        runner.close();

        StringBuilder report = new StringBuilder()
                .append("| operation | requests | p50 ms | p95 ms | p99 ms | max ms | errors | req/s |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        results.forEach(result -> report.append(result.row()).append('\n'));
        report.append('\n').append(serverSide).append('\n');
        report.append("\nCPU per request (this JVM holds workflow-mcp, codebase-mcp and the load client):\n\n")
                .append(cpuRows);
        System.out.println("\nworkflow-mcp benchmark, " + CLIENTS + " concurrent clients, "
                + PROJECTS * ENTITIES_PER_PROJECT + " entities in " + PROJECTS + " projects, "
                + chunks.size() + " chunks referenced\n" + report);
        write(report.toString());

        results.forEach(result -> assertThat(result.errors()).as(result.name()).isZero());
        // the check really reached codebase-mcp (retried: one call may time out on a busy machine)
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(new Api(http)
                                .post(
                                        "/mcp/work_items",
                                        clientId(run, 0),
                                        body("title", "check", "entity_references", chunks.subList(0, 1)))
                                .expect(201)
                                .body()
                                .path("warnings")
                                .toString())
                        .isEqualTo("[]"));
    }

    private static long last(List<LoadRunner.Result> results) {
        return results.get(results.size() - 1).histogram().getTotalCount();
    }

    private static String clientId(String run, int client) {
        return "bench-" + run + "-" + client;
    }

    private static final String[] QUERY_KINDS = {
        "entity_type",
        "tags_any (2 tags)",
        "data_contains",
        "name_prefix",
        "entity_type + data_contains, limit 50",
        "no filter, limit 100",
        "entity_type, page 2 via cursor"
    };

    private LoadRunner.Workload queries(String run, int kind) {
        String secondPage = kind == 6 ? secondPageQuery(run) : "";
        return (client, i) -> new LoadRunner.Call(
                "POST", "/mcp/entities/query", clientId(run, client), kind == 6 ? secondPage : query(kind, i), 200);
    }

    private String secondPageQuery(String run) {
        String cursor = new Api(http)
                .post("/mcp/entities/query", clientId(run, 0), body("entity_type", "service"))
                .expect(200)
                .text("next_cursor");
        return JSON.writeValueAsString(body("entity_type", "service", "cursor", cursor));
    }

    private static String query(int kind, int i) {
        Map<String, Object> query = switch (kind) {
            case 0 -> body("entity_type", TYPES[i % TYPES.length]);
            case 1 -> body("tags_any", List.of("tag-" + (i % 20), "tag-" + ((i + 3) % 20)));
            case 2 -> body("data_contains", Map.of("lang", LANGS[i % 3]));
            case 3 -> body("name_prefix", TYPES[i % TYPES.length] + "-1");
            case 4 -> body("entity_type", TYPES[i % TYPES.length], "data_contains", Map.of("tier", i % 4), "limit", 50);
            default -> body("limit", 100);
        };
        return JSON.writeValueAsString(query);
    }

    private List<String> indexAndFindChunks() {
        TarArchiveBuilder tar = TarArchiveBuilder.create();
        for (int f = 0; f < 20; f++) {
            tar.file(
                    "src/main/java/bench/Service" + f + ".java",
                    "package bench;\n\nclass Service" + f + " {\n    int handleBenchRequest(int value) {\n"
                            + "        return value + " + f + ";\n    }\n}\n");
        }
        codebase.index("bench-" + UUID.randomUUID(), tar.toTar());
        JsonNode hits = codebase.client()
                .post()
                .uri("/mcp/search")
                .bodyValue(Map.of("query", "handleBenchRequest", "limit", 20))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        List<String> chunks = new ArrayList<>();
        if (hits != null) {
            hits.path("results").forEach(hit -> chunks.add(hit.path("chunk_id").asString()));
        }
        assertThat(chunks).isNotEmpty();
        return chunks;
    }

    private static void write(String report) throws IOException {
        Path out = Path.of("target", "benchmark", "workflow-mcp.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
