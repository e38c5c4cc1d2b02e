package dev.mcpstack.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpstack.common.testapp.TestApp;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

class ReadinessDrainTest {

    @Test
    void readinessAnswers503WhileTheListenerStillServesDuringTheDrain() {
        ConfigurableApplicationContext context =
                TestApp.isolatedApplication().run("--server.port=0", "--mcp.shutdown.drain=3s");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(client, "/actuator/health/readiness") == 200);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> status(client, "/actuator/health/readiness") == 503);
            // readiness is down, yet the listener is open and requests are served: callers can move away
            assertThat(status(client, "/health")).isEqualTo(200);
            assertThat(closing).isNotDone();
        } finally {
            closing.join();
        }
        assertThat(status(client, "/health")).isEqualTo(-1);
    }

    /** The status, or -1 when the connection was refused. */
    private static int status(WebClient client, String path) {
        return client.get()
                .uri(path)
                .exchangeToMono(response -> Mono.just(response.statusCode().value()))
                .onErrorReturn(-1)
                .block(Duration.ofSeconds(20));
    }
}
