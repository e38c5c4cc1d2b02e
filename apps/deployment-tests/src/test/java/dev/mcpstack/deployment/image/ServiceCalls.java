package dev.mcpstack.deployment.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** JSON calls to a service in a container, on a loopback port of the host network. */
final class ServiceCalls {

    /** How long a busy answer (503 + Retry-After, the pool on a loaded machine) is retried, as clients do. */
    static final Duration BUSY_RETRIES = Duration.ofSeconds(60);

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final WebTestClient client;

    private ServiceCalls(int port) {
        this.client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    static ServiceCalls on(int port) {
        return new ServiceCalls(port);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebTestClient client() {
        return client;
    }

    Map<String, Object> created(WebTestClient.RequestHeadersSpec<?> request) {
        return answer(request, HttpStatus.CREATED);
    }

    Map<String, Object> ok(WebTestClient.RequestHeadersSpec<?> request) {
        return answer(request, HttpStatus.OK);
    }

    /** Polls readiness until it answers 2xx; on time-out the failure carries {@code diagnostics} (the logs). */
    void awaitReady(Duration timeout, Supplier<String> diagnostics) {
        try {
            Awaitility.await()
                    .atMost(timeout)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> client.get()
                            .uri("/actuator/health/readiness")
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .is2xxSuccessful());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not ready within " + timeout + ":\n" + diagnostics.get(), e);
        }
    }

    private static Map<String, Object> answer(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status) {
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
}
