package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counts and classification against a stub on 127.0.0.1 (no timing assertions: those belong to benchmarks). */
class LoadEngineTest {

    private HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void startStub() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.createContext("/busy", exchange -> {
            served.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/rude", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void closedModelRecordsEveryResponseByGroupAndOperation() {
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            OperationMix mix = new OperationMix(List.of(
                    new LoadOperation("svc-a", "ok", 3, () -> LoadRequest.get(uri("/ok"))),
                    new LoadOperation("svc-b", "busy", 1, () -> LoadRequest.get(uri("/busy")))));

            LoadRecorder recorder = engine.runClosed(StagePlan.constant(4, Duration.ofSeconds(2)), mix, line -> {});

            LoadStats all = recorder.all();
            assertThat(all.total()).isPositive().isEqualTo(served.get());
            assertThat(all.failed()).isEqualTo(recorder.groups().get("svc-b").total());
            assertThat(all.errorBreakdown())
                    .singleElement()
                    .satisfies(e -> assertThat(e.errorType()).isEqualTo("http_503"));
            assertThat(recorder.groups().get("svc-a").failed()).isZero();
            assertThat(all.timeline()).hasSize(2);
            assertThat(all.operations())
                    .extracting(LoadTestResult_Operation::name)
                    .containsExactly("busy", "ok");
        }
    }

    @Test
    void thinkTimePacesEachVirtualUser() {
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            LoadRecorder paced = engine.runClosed(
                    StagePlan.constant(2, Duration.ofSeconds(1)),
                    LoadEngine.get("ok", uri("/ok")),
                    Duration.ofMillis(300),
                    line -> {});

            // each of the 2 users sends at t=0, 0.3, 0.6, 0.9 s at most: never more than 4 requests each
            assertThat(paced.all().total()).isBetween(2L, 8L);
            assertThat(paced.all().failed()).isZero();
        }
    }

    @Test
    void tellsSheddingWithRetryAfterFromA503WithoutIt() {
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            OperationMix mix = new OperationMix(List.of(
                    new LoadOperation("svc", "busy", 1, () -> LoadRequest.get(uri("/busy"))),
                    new LoadOperation("svc", "rude", 1, () -> LoadRequest.get(uri("/rude")))));

            LoadRecorder recorder = engine.runClosed(StagePlan.constant(2, Duration.ofMillis(500)), mix, l -> {});

            assertThat(recorder.all().errorBreakdown())
                    .extracting(e -> e.errorType())
                    .containsExactly("http_503", "http_503_without_retry_after");
        }
    }

    @Test
    void countBoundedRunSendsExactlyTheRequestsAskedForAndReportsEachOutcome() {
        List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            engine.runCount(
                    3,
                    25,
                    () -> LoadRequest.get(uri(next.getAndIncrement() % 5 == 0 ? "/busy" : "/ok")),
                    Duration.ofSeconds(30),
                    (nanos, error) -> outcomes.add(nanos > 0 ? error : "no time"));
        }

        assertThat(served.get()).isEqualTo(25);
        assertThat(outcomes).hasSize(25).containsOnly("", "http_503");
        assertThat(outcomes.stream().filter(String::isEmpty)).hasSize(20);
    }

    @Test
    void openModelSendsTheScheduledNumberOfRequests() {
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            LoadRecorder recorder =
                    engine.runOpen(50, Duration.ofSeconds(2), LoadEngine.get("ok", uri("/ok")), l -> {});

            assertThat(recorder.all().total()).isEqualTo(100);
            assertThat(recorder.all().failed()).isZero();
        }
    }

    @Test
    void classifiesRefusedConnections() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            LoadRecorder recorder = engine.runClosed(
                    StagePlan.constant(1, Duration.ofMillis(500)),
                    LoadEngine.get("refused", URI.create("http://127.0.0.1:" + closedPort + "/")),
                    line -> {});

            assertThat(recorder.all().errorBreakdown())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.errorType()).isEqualTo("connection"));
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Just for the extractor above. */
    interface LoadTestResult_Operation {
        static String name(dev.mcpstack.validator.model.LoadTestResult.OperationStats stats) {
            return stats.operation();
        }
    }
}
