package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mcpstack.validator.config.LoadModes.Capacity;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The step search against a stub on 127.0.0.1: where it stops and what it reports (no timing assertions). */
class CapacitySearchTest {

    private HttpServer server;
    private final AtomicInteger slowAnswersLeft = new AtomicInteger(3);
    private final AtomicInteger fastAnswersLeft = new AtomicInteger(5);

    @BeforeEach
    void startStub() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/slow-at-first", exchange -> {
            if (slowAnswersLeft.getAndDecrement() > 0) {
                pause(Duration.ofMillis(300));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/fast-then-slow", exchange -> {
            if (fastAnswersLeft.getAndDecrement() <= 0) {
                pause(Duration.ofMillis(300));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            pause(Duration.ofMillis(100));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void stepsUpByTheFactorWhileEveryStepHolds() {
        Capacity capacity = new Capacity(10, 2, Duration.ofMillis(500), 3, Map.of());
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            CapacitySearch.Result result = new CapacitySearch(engine, capacity, op -> 10_000.0)
                    .run(LoadEngine.get("ok", uri("/ok")), line -> {});

            assertThat(result.steps()).extracting(CapacitySearch.Step::rate).containsExactly(10, 20, 40);
            assertThat(result.steps())
                    .allSatisfy(step -> assertThat(step.held()).isTrue());
            assertThat(result.highestHeld()).isEqualTo(40);
        }
    }

    @Test
    void stopsAtTheFirstStepWithAnError() {
        Capacity capacity = new Capacity(10, 2, Duration.ofMillis(500), 5, Map.of());
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            CapacitySearch.Result result = new CapacitySearch(engine, capacity, op -> 10_000.0)
                    .run(LoadEngine.get("busy", uri("/busy")), line -> {});

            assertThat(result.steps()).singleElement().satisfies(step -> {
                assertThat(step.held()).isFalse();
                assertThat(step.describe()).contains("10/s NOT held").contains("errors 5");
            });
            assertThat(result.highestHeld()).isZero();
            assertThat(LoadVerdicts.capacity("capacity svc", result, 1, 30.0)
                            .status()
                            .wireName())
                    .isEqualTo("fail");
        }
    }

    @Test
    void aLowRateStepMissedByLatencyDoesNotEndTheSearchBeforeAnyStepWasHeld() {
        // the first 3 requests (all in the first step of 5) are slow, like an idle machine waking up; the rest fast
        Capacity capacity = new Capacity(10, 2, Duration.ofMillis(500), 3, Map.of());
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            CapacitySearch.Result result = new CapacitySearch(engine, capacity, op -> 150.0)
                    .run(LoadEngine.get("slow-at-first", uri("/slow-at-first")), line -> {});

            assertThat(result.steps()).extracting(CapacitySearch.Step::rate).containsExactly(10, 20, 40);
            assertThat(result.steps()).extracting(CapacitySearch.Step::held).containsExactly(false, true, true);
            assertThat(result.highestHeld()).isEqualTo(40);
        }
    }

    @Test
    void givesUpAfterThreeStepsMissedByLatencyWhenNoneWasHeld() {
        Capacity capacity = new Capacity(10, 2, Duration.ofMillis(500), 6, Map.of());
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            CapacitySearch.Result result = new CapacitySearch(engine, capacity, op -> 20.0)
                    .run(LoadEngine.get("slow", uri("/slow")), line -> {});

            assertThat(result.steps()).hasSize(CapacitySearch.LOW_RATE_MISSES);
            assertThat(result.steps())
                    .noneSatisfy(step -> assertThat(step.held()).isTrue());
            assertThat(result.highestHeld()).isZero();
        }
    }

    @Test
    void afterAHeldStepTwoMissesInARowEndTheSearch() {
        // the first step's 5 requests are fast, every later one slow
        Capacity capacity = new Capacity(10, 2, Duration.ofMillis(500), 6, Map.of());
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(2))) {
            CapacitySearch.Result result = new CapacitySearch(engine, capacity, op -> 150.0)
                    .run(LoadEngine.get("fast-then-slow", uri("/fast-then-slow")), line -> {});

            assertThat(result.steps()).extracting(CapacitySearch.Step::held).containsExactly(true, false, false);
            assertThat(result.highestHeld()).isEqualTo(10);
        }
    }

    @Test
    void aStepOverAnOperationsTargetIsNotHeld() {
        LoadStats stats = new LoadStats();
        stats.recordSuccess("fast", 1_000);
        stats.recordSuccess("slow", 30_000);
        CapacitySearch.Step step;
        try (LoadEngine engine = new LoadEngine(Duration.ofSeconds(1))) {
            step = new CapacitySearch(
                            engine,
                            new Capacity(1, 2, Duration.ofSeconds(1), 1, Map.of()),
                            op -> op.equals("slow") ? 20.0 : 5.0)
                    .judge(100, stats);
        }

        assertThat(step.held()).isFalse();
        assertThat(step.worstOperation()).isEqualTo("slow");
        assertThat(step.worstP95Ms()).isGreaterThan(step.worstTargetMs());
        String detail = LoadVerdicts.capacity("capacity svc", new CapacitySearch.Result(List.of(step)), 1, 30.0)
                .detail();
        assertThat(detail)
                .contains("highest rate held 0/s (floor 1/s MISSED)")
                .contains("stopped by slow p95")
                .contains("cores 30 % busy over the window, so not saturation");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // the stub's own slowness, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
