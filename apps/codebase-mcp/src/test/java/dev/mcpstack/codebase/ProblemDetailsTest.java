package dev.mcpstack.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bad input always gets a problem detail with a 4xx status, never a 500. */
@CodebaseMcpTest
class ProblemDetailsTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Api api;

    @Test
    void rejectsMalformedJson() {
        assertProblem(
                client.post()
                        .uri("/mcp/search")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"query\": ")
                        .exchange(),
                400,
                "bad-request");
    }

    @Test
    void rejectsEmptyAndBlankQueries() {
        assertProblem(api.post("/mcp/search", Map.of("query", "")), 400, "invalid-query");
        assertProblem(api.post("/mcp/search", Map.of("query", "   ")), 400, "invalid-query");
        assertProblem(api.post("/mcp/search", Map.of("limit", 5)), 400, "invalid-query");
    }

    @Test
    void rejectsQueryWithoutSearchableTerms() {
        assertProblem(api.post("/mcp/search", Map.of("query", "&& || !! ()")), 400, "invalid-query");
    }

    @Test
    void rejectsHugeQuery() {
        assertProblem(api.post("/mcp/search", Map.of("query", "a".repeat(1001))), 400, "invalid-query");
    }

    @Test
    void rejectsLimitOutOfRange() {
        assertProblem(api.post("/mcp/search", Map.of("query", "order", "limit", 0)), 400, "invalid-limit");
        assertProblem(api.post("/mcp/search", Map.of("query", "order", "limit", 101)), 400, "invalid-limit");
    }

    @Test
    void rejectsLimitOfWrongType() {
        assertProblem(api.post("/mcp/search", Map.of("query", "order", "limit", "ten")), 400, "bad-request");
    }

    @Test
    void rejectsFiltersPostgresCannotHold() {
        assertProblem(
                api.post("/mcp/search", Map.of("query", "order", "file_path_prefix", "src/\u0000")),
                400,
                "invalid-filter");
        assertProblem(
                api.post("/mcp/search", Map.of("query", "order", "language", "x".repeat(2000))), 400, "invalid-filter");
    }

    @Test
    void treatsNulInQueryAsSeparator() {
        Api.body(api.post("/mcp/search", Map.of("query", "order\u0000service"))
                .expectStatus()
                .isOk());
    }

    @Test
    void rejectsUnsupportedContentType() {
        assertProblem(
                client.post()
                        .uri("/mcp/search")
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue("order")
                        .exchange(),
                415,
                "unsupported-media-type");
        assertProblem(
                client.post()
                        .uri("/mcp/index?repository=x")
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue("not an archive")
                        .exchange(),
                415,
                "unsupported-media-type");
    }

    @Test
    void rejectsOversizedJsonBody() {
        String query = "word ".repeat(60_000);
        assertProblem(api.post("/mcp/search", Map.of("query", query)), 413, "payload-too-large");
    }

    @Test
    void rejectsMalformedChunkIds() {
        assertProblem(client.get().uri("/mcp/chunks/not-a-uuid").exchange(), 400, "malformed-id");
        assertProblem(client.delete().uri("/mcp/chunks/123").exchange(), 400, "malformed-id");
        assertProblem(client.delete().uri("/mcp/repositories/xyz").exchange(), 400, "malformed-id");
        Map<String, Object> problem = assertProblem(
                api.post(
                        "/mcp/chunks/lookup",
                        Map.of("chunk_ids", List.of(UUID.randomUUID().toString(), "nope"))),
                400,
                "malformed-id");
        assertThat(problem.get("detail").toString()).contains("'nope'");
        assertProblem(api.post("/mcp/search", Map.of("query", "order", "repository_id", "zzz")), 400, "malformed-id");
    }

    @Test
    void rejectsLookupOfMoreThan1000Ids() {
        List<String> ids = Collections.nCopies(1001, UUID.randomUUID().toString());
        assertProblem(api.post("/mcp/chunks/lookup", Map.of("chunk_ids", ids)), 400, "too-many-ids");
    }

    @Test
    void answersNotFoundForUnknownIds() {
        assertProblem(client.get().uri("/mcp/chunks/{id}", UUID.randomUUID()).exchange(), 404, "not-found");
        assertProblem(
                client.delete().uri("/mcp/repositories/{id}", UUID.randomUUID()).exchange(), 404, "not-found");
    }

    @Test
    void rejectsIndexingWithoutRepositoryName() {
        assertProblem(
                client.post()
                        .uri("/mcp/index")
                        .contentType(Api.TAR)
                        .bodyValue(new byte[1024])
                        .exchange(),
                400,
                "bad-request");
        assertProblem(
                client.post()
                        .uri("/mcp/index?repository=a b")
                        .contentType(Api.TAR)
                        .bodyValue(new byte[1024])
                        .exchange(),
                400,
                "invalid-repository-name");
    }

    @Test
    void refusesServerPathsWhenNoRootIsAllowed() {
        assertProblem(api.post("/mcp/index", Map.of("path", "/etc", "repository", "etc")), 403, "path-not-allowed");
    }

    private static Map<String, Object> assertProblem(WebTestClient.ResponseSpec response, int status, String slug) {
        Map<String, Object> problem = Api.body(response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem.get("type").toString()).endsWith("/" + slug);
        assertThat(problem)
                .containsEntry("status", status)
                .containsKey("detail")
                .doesNotContainKey("trace");
        return problem;
    }
}
