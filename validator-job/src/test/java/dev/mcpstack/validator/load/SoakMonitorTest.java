package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.mcpstack.validator.config.LoadModes.SoakLimits;
import dev.mcpstack.validator.model.PassStatus;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uptime and slopes from a stub whose thread count grows: the leak shows as a slope and fails the soak check. */
class SoakMonitorTest {

    private HttpServer server;
    private final AtomicInteger threads = new AtomicInteger(20);

    @BeforeEach
    void startStub() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"healthy\",\"connection_pool\":{\"size\":2}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/actuator/prometheus", exchange -> {
            byte[] body = ("jvm_threads_live_threads " + threads.getAndAdd(10) + "\n"
                            + "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 1.048576E7\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void aGrowingThreadCountIsALeak() {
        SoakLimits limits = new SoakLimits(99.9, 64, 1, 5, Duration.ofSeconds(1));
        SoakMonitor monitor = new SoakMonitor(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        await().atMost(Duration.ofSeconds(10)).until(() -> threads.get() >= 60);

        SoakMonitor.Figures figures = monitor.stop(limits);

        assertThat(figures.uptimePercent()).isEqualTo(100.0);
        assertThat(figures.threadsPerHour()).isGreaterThan(1_000);
        assertThat(figures.heapMbPerHour()).isZero();
        assertThat(figures.poolConnectionsPerHour()).isZero();
        LoadStats requests = new LoadStats();
        requests.recordSuccess("op", 1_000);
        var check = Soak.judge("soak svc", limits, figures, requests);
        assertThat(check.status()).isEqualTo(PassStatus.FAIL);
        assertThat(check.detail()).contains("threads +").contains("EXCEEDED").contains("a leak");
    }

    @Test
    void slopeIsTheLeastSquaresFitAndWindowsKeepTheirMinimum() {
        assertThat(SoakMonitor.slope(List.of(new double[] {0, 1}, new double[] {1, 3}, new double[] {2, 5})))
                .isEqualTo(2.0);
        assertThat(SoakMonitor.slope(List.of(new double[] {0, 1}))).isZero();
        assertThat(SoakMonitor.windowMinima(
                        List.of(new double[] {0.1, 9}, new double[] {0.2, 4}, new double[] {1.5, 7}), 1.0))
                .extracting(point -> point[1])
                .containsExactly(4.0, 7.0);
    }
}
