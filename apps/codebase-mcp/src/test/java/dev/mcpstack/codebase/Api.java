package dev.mcpstack.codebase;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service's HTTP API as tests use it: one line per call, bodies as maps. */
public final class Api {

    public static final MediaType TAR = MediaType.parseMediaType("application/x-tar");
    public static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

    private final WebTestClient client;

    public Api(WebTestClient client) {
        this.client = client;
    }

    public WebTestClient client() {
        return client;
    }

    public WebTestClient.ResponseSpec postArchive(String repository, byte[] body, MediaType type) {
        return client.post()
                .uri(uri -> uri.path("/mcp/index")
                        .queryParam("repository", repository)
                        .build())
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    /** Indexes a tar.gz and returns the 201 body. */
    public Map<String, Object> indexTarGz(String repository, byte[] tarGz) {
        return body(postArchive(repository, tarGz, GZIP).expectStatus().isCreated());
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public Map<String, Object> search(Map<String, Object> request) {
        return body(post("/mcp/search", request).expectStatus().isOk());
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> results(Map<String, Object> request) {
        return (List<Map<String, Object>>) search(request).get("results");
    }

    public Map<String, Object> lookup(List<?> ids) {
        return body(post("/mcp/chunks/lookup", Map.of("chunk_ids", ids))
                .expectStatus()
                .isOk());
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }
}
