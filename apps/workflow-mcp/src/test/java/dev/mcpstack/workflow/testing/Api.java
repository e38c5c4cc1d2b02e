package dev.mcpstack.workflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Thin HTTP helper for workflow-mcp tests: every call returns status, content type and parsed body. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Response(int status, @Nullable MediaType contentType, JsonNode body) {

        public Response expect(int expected) {
            assertThat(status).as("HTTP status, body %s", body).isEqualTo(expected);
            return this;
        }

        public Response expectProblem(int expected) {
            expect(expected);
            assertThat(contentType).isNotNull();
            assertThat(contentType.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("problem+json, got %s", contentType)
                    .isTrue();
            assertThat(body.path("detail").asString()).isNotBlank();
            return this;
        }

        public UUID id() {
            return UUID.fromString(body.path("id").asString());
        }

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    private final WebTestClient http;

    public Api(WebTestClient http) {
        // generous: these tests share two cores with other builds, and a slow answer is not what they test
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * One request; a 503 (the pool's bounded wait expired on a busy machine) is retried as the contract invites, with
     * Retry-After, so tests see the answer the service gives once it has a connection.
     */
    public Response call(HttpMethod method, String uri, @Nullable String clientId, @Nullable Object body) {
        Response first = once(method, uri, clientId, body);
        if (first.status() != 503) {
            return first;
        }
        Response[] last = {first};
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    last[0] = once(method, uri, clientId, body);
                    return last[0].status() != 503;
                });
        return last[0];
    }

    private Response once(HttpMethod method, String uri, @Nullable String clientId, @Nullable Object body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri);
        if (clientId != null) {
            request.header("X-Client-Id", clientId);
        }
        WebTestClient.RequestHeadersSpec<?> ready = request;
        if (body instanceof String raw) {
            ready = request.contentType(MediaType.APPLICATION_JSON).bodyValue(raw);
        } else if (body != null) {
            ready = request.contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body));
        }
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
        byte[] bytes = result.getResponseBody();
        JsonNode parsed = bytes == null || bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
        return new Response(
                result.getStatus().value(), result.getResponseHeaders().getContentType(), parsed);
    }

    public Response get(String uri, @Nullable String clientId) {
        return call(HttpMethod.GET, uri, clientId, null);
    }

    public Response post(String uri, @Nullable String clientId, @Nullable Object body) {
        return call(HttpMethod.POST, uri, clientId, body);
    }

    public Response patch(String uri, @Nullable String clientId, @Nullable Object body) {
        return call(HttpMethod.PATCH, uri, clientId, body);
    }

    public UUID createProject(String namePrefix) {
        String name = namePrefix + "-" + UUID.randomUUID();
        return post("/mcp/projects", null, Map.of("name", name, "description", "test project"))
                .expect(201)
                .id();
    }

    public void activate(String clientId, UUID projectId) {
        post("/mcp/projects/" + projectId + "/activate", clientId, null).expect(200);
    }

    public Response createEntity(UUID projectId, String type, String name, Map<String, ?> data, String... tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project_id", projectId);
        body.put("entity_type", type);
        body.put("name", name);
        body.put("data", data);
        body.put("tags", tags);
        return post("/mcp/entities", null, body);
    }

    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
