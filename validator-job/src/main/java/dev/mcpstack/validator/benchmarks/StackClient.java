package dev.mcpstack.validator.benchmarks;

import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** The few service calls the suites need to set data up, with failures turned into clear exceptions. */
public final class StackClient {

    private final Http http;
    private final Platform platform;

    public StackClient(Http http, Platform platform) {
        this.http = http;
        this.platform = platform;
    }

    public Http http() {
        return http;
    }

    public Platform platform() {
        return platform;
    }

    public JsonNode createProject(String name) {
        Map<String, Object> body = Map.of("name", name, "description", "created by validator-job");
        return expect(201, setUp(() -> post(ServerId.WORKFLOW, "/mcp/projects", body)), "create project " + name);
    }

    public JsonNode createEntity(
            String projectId, String type, String name, Map<String, Object> data, List<String> tags) {
        Map<String, Object> body =
                Map.of("project_id", projectId, "entity_type", type, "name", name, "data", data, "tags", tags);
        return expect(201, setUp(() -> post(ServerId.WORKFLOW, "/mcp/entities", body)), "create entity " + name);
    }

    /** {@code DELETE /mcp/repositories/{id}}: the repository's files and chunks go with it (204 when it existed). */
    public Http.Response deleteRepository(String repositoryId) {
        return setUp(() ->
                http.send(http.request(platform.baseUrl(ServerId.CODEBASE).resolve("/mcp/repositories/" + repositoryId))
                        .DELETE()
                        .build()));
    }

    /**
     * Set-up data is not what is measured: a 503 (pool busy, by design) is retried a few times with a short pause
     * instead of failing the benchmark before it starts.
     */
    static Http.Response setUp(java.util.function.Supplier<Http.Response> call) {
        Http.Response response = call.get();
        for (int attempt = 1; attempt < 5 && response.status() == 503; attempt++) {
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
            response = call.get();
        }
        return response;
    }

    public Http.Response post(ServerId server, String path, Object body) {
        return http.postJson(platform.baseUrl(server).resolve(path), body, Map.of());
    }

    public Http.Response post(ServerId server, String path, Object body, Map<String, String> headers) {
        return http.postJson(platform.baseUrl(server).resolve(path), body, headers);
    }

    /**
     * Uploads the tar.gz {@code archive} to {@code POST /mcp/index}, streamed from the file: writing it first keeps
     * generating and compressing the files out of the indexing time measured around this call.
     */
    public Http.Response index(String repository, GeneratedArchive archive, Duration timeout) {
        return http.postFile(
                platform.baseUrl(ServerId.CODEBASE).resolve("/mcp/index?repository=" + repository),
                "application/gzip",
                archive.path(),
                timeout);
    }

    /** A tar.gz written once into a temporary file, deleted on close. */
    public record GeneratedArchive(Path path) implements AutoCloseable {

        public static GeneratedArchive write(Consumer<OutputStream> writer) {
            try {
                Path path = Files.createTempFile("validator-repository-", ".tar.gz");
                try (OutputStream out = Files.newOutputStream(path)) {
                    writer.accept(out);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(path);
                    throw e;
                }
                return new GeneratedArchive(path);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the generated repository: " + e.getMessage(), e);
            }
        }

        public long bytes() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + path, e);
            }
        }
    }

    public static JsonNode expect(int status, Http.Response response, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(
                    what + ": expected HTTP " + status + " but got " + response.status() + ": " + response.excerpt());
        }
        return response.json();
    }
}
