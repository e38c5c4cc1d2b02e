package dev.mcpstack.workflow.crossservice;

import static dev.mcpstack.workflow.testing.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.workflow.WorkflowMcpApplication;
import dev.mcpstack.workflow.testing.Api;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A codebase-mcp that accepts connections but answers far too late: the time limiter cuts every call short. */
@SpringBootTest(
        properties = WorkflowMcpApplication.CONFIG_NAME,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SlowCodebaseTest {

    private static final DisposableServer hangingCodebase = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.post(
                    "/mcp/chunks/lookup",
                    (request, response) -> response.sendString(
                            Mono.delay(Duration.ofSeconds(30)).thenReturn("{\"found\":[],\"missing\":[]}"))))
            .bindNow();

    @Autowired
    WebTestClient http;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void pointAtHangingCodebase(DynamicPropertyRegistry registry) {
        registry.add("workflow.codebase.url", () -> "http://127.0.0.1:" + hangingCodebase.port());
    }

    @AfterAll
    static void stopHangingCodebase() {
        hangingCodebase.disposeNow();
    }

    @Test
    void aCodebaseThatNeverAnswersCostsAtMostTheTimeLimitAndOpensTheBreaker() {
        Api api = new Api(http.mutate().responseTimeout(Duration.ofSeconds(10)).build());
        String client = "slow-" + UUID.randomUUID();
        api.activate(client, api.createProject("slow"));

        for (int call = 1; call <= 5; call++) {
            Api.Response created = api.post(
                            "/mcp/work_items",
                            client,
                            body("title", "slow " + call, "entity_references", List.of(UUID.randomUUID())))
                    .expect(201);
            assertThat(created.body().path("warnings").get(0).asString()).isEqualTo("code_search_unavailable");
        }

        assertThat(circuitBreakers.circuitBreaker("codebase").getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
