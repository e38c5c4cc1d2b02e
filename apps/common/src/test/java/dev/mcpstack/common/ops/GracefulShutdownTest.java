package dev.mcpstack.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpstack.common.database.PoolAccess;
import dev.mcpstack.common.testapp.TestApp;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

class GracefulShutdownTest {

    @Test
    void shutdownRefusesTrafficFirstAndLetsInFlightRequestsFinish() {
        List<Object> readiness = new CopyOnWriteArrayList<>();
        SpringApplication application = TestApp.isolatedApplication();
        application.addListeners(
                (ApplicationListener<AvailabilityChangeEvent<?>>) event -> readiness.add(event.getState()));
        // A generous acquire time: this test is about shutdown, not about a loaded machine's pool.
        ConfigurableApplicationContext context =
                application.run("--server.port=0", "--spring.r2dbc.pool.max-acquire-time=10s");
        Mono<ResponseEntity<String>> slow;
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ConnectionFactory connections = context.getBean(ConnectionFactory.class);
            WebClient client = WebClient.create("http://127.0.0.1:" + port);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> client.get()
                            .uri("/health")
                            .exchangeToMono(
                                    response -> Mono.just(response.statusCode().value()))
                            .block(Duration.ofSeconds(5))
                            .equals(200));
            slow = client.get()
                    .uri("/mcp/slow")
                    .retrieve()
                    .toEntity(String.class)
                    .cache();
            slow.subscribe(response -> {}, error -> {});
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> PoolAccess.metrics(connections).orElseThrow().acquiredSize() > 0);
        } finally {
            context.close();
        }

        ResponseEntity<String> finished = slow.block(Duration.ofSeconds(10));
        assertThat(finished).isNotNull();
        assertThat(finished.getStatusCode().value()).isEqualTo(200);
        assertThat(readiness).contains(ReadinessState.REFUSING_TRAFFIC);
    }
}
