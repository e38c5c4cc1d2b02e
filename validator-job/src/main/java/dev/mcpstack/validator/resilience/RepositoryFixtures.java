package dev.mcpstack.validator.resilience;

import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import dev.mcpstack.validator.model.ServerId;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small repositories indexed for the checks, and the chunk ids they produced (found by searching them). */
final class RepositoryFixtures {

    private static final String MARKER = "resilienceFixtureMarker";

    private final ServiceCalls calls;

    /** An indexed repository and its chunks' ids. */
    record Indexed(String repositoryId, List<String> chunkIds) {}

    RepositoryFixtures(ServiceCalls calls) {
        this.calls = calls;
    }

    /** Indexes {@code files} small Java files as {@code name} (again: replacing its chunks) and finds their chunks. */
    Indexed index(String name, int files) {
        TarArchiveBuilder archive = TarArchiveBuilder.create();
        for (int i = 0; i < files; i++) {
            archive.file(
                    "src/Fixture" + i + ".java",
                    "class Fixture" + i + " {\n    void " + MARKER + "() {\n        int value = " + i
                            + ";\n    }\n}\n");
        }
        HttpRequest request = calls.builder(ServerId.CODEBASE, "/mcp/index?repository=" + name)
                .header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive.toTarGz()))
                .build();
        String[] repository = new String[1];
        Outcome indexed = calls.send(
                ServerId.CODEBASE,
                "index",
                request,
                json -> repository[0] = json.path("repository_id").asString());
        if (!indexed.succeeded() || repository[0] == null) {
            throw new IllegalStateException("could not index " + name + ": " + indexed.errorType());
        }
        List<String> chunks = new ArrayList<>();
        Outcome searched = ServiceCalls.retrying(() -> calls.send(
                ServerId.CODEBASE,
                "search",
                calls.postJson(
                        ServerId.CODEBASE,
                        "/mcp/search",
                        Map.of("query", MARKER, "limit", 100, "repository_id", repository[0])),
                json -> json.path("results")
                        .forEach(r -> chunks.add(r.path("chunk_id").asString()))));
        if (!searched.succeeded() || chunks.isEmpty()) {
            throw new IllegalStateException("found no chunks of " + name + ": " + searched.errorType());
        }
        return new Indexed(repository[0], List.copyOf(chunks));
    }
}
