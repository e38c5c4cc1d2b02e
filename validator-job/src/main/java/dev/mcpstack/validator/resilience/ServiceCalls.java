package dev.mcpstack.validator.resilience;

import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.platform.Platform;
import dev.mcpstack.validator.resilience.WriteLedger.Presence;
import dev.mcpstack.validator.resilience.WriteLedger.Write;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The requests the suite sends, each turned into an {@link Outcome}: writes (work items referencing real chunks,
 * small repositories indexed) are added to the ledger when answered 2xx, reads pick an acknowledged write. Requests
 * get a short timeout so a hung service shows as timeouts on the timeline rather than stalling the caller.
 */
final class ServiceCalls {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final HttpClient client;
    private final Duration timeout;
    private final Platform platform;
    private final Fixture fixture;

    /** What the writes refer to: the project work items go into and chunk ids they reference. */
    record Fixture(String projectId, List<String> chunkIds) {}

    ServiceCalls(Http http, Duration timeout, Platform platform, Fixture fixture) {
        this.client = http.client();
        this.timeout = timeout;
        this.platform = platform;
        this.fixture = fixture;
    }

    Fixture fixture() {
        return fixture;
    }

    /** A write to {@code server} sent without waiting: a work item, or a small repository indexed. */
    CompletableFuture<Outcome> writeAsync(ServerId server, WriteLedger ledger) {
        return server == ServerId.WORKFLOW ? createWorkItemAsync(ledger) : indexRepositoryAsync(ledger);
    }

    Outcome createWorkItem(WriteLedger ledger) {
        return createWorkItemAsync(ledger).join();
    }

    Outcome indexRepository(WriteLedger ledger) {
        return indexRepositoryAsync(ledger).join();
    }

    private CompletableFuture<Outcome> createWorkItemAsync(WriteLedger ledger) {
        String chunk = fixture.chunkIds()
                .get(ThreadLocalRandom.current().nextInt(fixture.chunkIds().size()));
        Map<String, Object> body = Map.of(
                "title", "resilience " + SEQUENCE.incrementAndGet(),
                "project_id", fixture.projectId(),
                "entity_references", List.of(chunk));
        return sendAsync(
                ServerId.WORKFLOW,
                "create_work_item",
                postJson(ServerId.WORKFLOW, "/mcp/work_items", body),
                json -> ledger.acknowledge(new Write(
                        ServerId.WORKFLOW, "work_item", json.path("id").asString(), fixture.projectId())));
    }

    Outcome readWorkItem(WriteLedger ledger) {
        Write write = ledger.any(ServerId.WORKFLOW);
        String path = write == null
                ? "/mcp/projects/" + fixture.projectId()
                : "/mcp/work_items/" + write.id() + "?project_id=" + write.scope();
        return send(ServerId.WORKFLOW, "read_work_item", get(ServerId.WORKFLOW, path), json -> {});
    }

    private CompletableFuture<Outcome> indexRepositoryAsync(WriteLedger ledger) {
        long n = SEQUENCE.incrementAndGet();
        String name = "resilience-" + UUID.randomUUID().toString().substring(0, 8) + "-" + n;
        byte[] archive = TarArchiveBuilder.create()
                .file(
                        "src/Resilience" + n + ".java",
                        "class Resilience" + n + " { int acknowledged() { return " + n + "; } }\n")
                .toTarGz();
        HttpRequest request = builder(ServerId.CODEBASE, "/mcp/index?repository=" + name)
                .header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive))
                .build();
        return sendAsync(
                ServerId.CODEBASE,
                "index_repository",
                request,
                json -> ledger.acknowledge(new Write(
                        ServerId.CODEBASE,
                        "repository",
                        json.path("repository_id").asString(),
                        name)));
    }

    Outcome search() {
        return searchAsync().join();
    }

    CompletableFuture<Outcome> searchAsync() {
        return sendAsync(
                ServerId.CODEBASE,
                "search",
                postJson(ServerId.CODEBASE, "/mcp/search", Map.of("query", "acknowledged resilience", "limit", 5)),
                json -> {});
    }

    /** Read-back of ledger entries; repositories are listed once per instance (one verification). */
    WriteLedger.ReadBack readBack() {
        return new WriteLedger.ReadBack() {
            private @Nullable Set<String> repositories;

            /** Listed once per read-back (shared by its parallel readers); a failed listing is tried again. */
            private synchronized @Nullable Set<String> repositories() {
                if (repositories == null) {
                    repositories = listRepositories();
                }
                return repositories;
            }

            @Override
            public Presence check(Write write) {
                if (write.server() == ServerId.CODEBASE) {
                    Set<String> listed = repositories();
                    return listed == null
                            ? Presence.UNKNOWN
                            : listed.contains(write.id()) ? Presence.FOUND : Presence.MISSING;
                }
                Outcome outcome = send(
                        ServerId.WORKFLOW,
                        "read_back",
                        get(ServerId.WORKFLOW, "/mcp/work_items/" + write.id() + "?project_id=" + write.scope()),
                        json -> {});
                return outcome.succeeded()
                        ? Presence.FOUND
                        : outcome.status() == 404 ? Presence.MISSING : Presence.UNKNOWN;
            }
        };
    }

    private @Nullable Set<String> listRepositories() {
        Set<String> ids = new HashSet<>();
        Outcome outcome = send(
                ServerId.CODEBASE,
                "list_repositories",
                get(ServerId.CODEBASE, "/mcp/repositories"),
                json -> json.path("repositories")
                        .forEach(r -> ids.add(r.path("repository_id").asString())));
        return outcome.succeeded() ? ids : null;
    }

    HttpRequest get(ServerId server, String path) {
        return builder(server, path).GET().build();
    }

    HttpRequest postJson(ServerId server, String path, Object body) {
        return builder(server, path)
                .header("Content-Type", "application/json")
                .POST(Http.json(body))
                .build();
    }

    HttpRequest.Builder builder(ServerId server, String path) {
        return HttpRequest.newBuilder(URI.create(platform.baseUrl(server) + path))
                .timeout(timeout);
    }

    /**
     * For set-up requests, which are not what is measured: a 503 or a timeout (a busy machine: a new database
     * connection can take longer than the 250 ms a request may wait for one) is retried for about 20 s.
     */
    static Outcome retrying(Supplier<Outcome> call) {
        Outcome outcome = call.get();
        for (int attempt = 1;
                attempt < 20 && (outcome.status() == 503 || "timeout".equals(outcome.errorType()));
                attempt++) {
            FaultContext.pause(Duration.ofSeconds(1));
            outcome = call.get();
        }
        return outcome;
    }

    /** The body of a 200 answer as text, or null for any other answer. */
    @Nullable
    String text(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Sends and waits; {@code onSuccess} sees the JSON body of a 2xx answer. */
    Outcome send(ServerId server, String operation, HttpRequest request, Consumer<JsonNode> onSuccess) {
        return sendAsync(server, operation, request, onSuccess).join();
    }

    CompletableFuture<Outcome> sendAsync(
            ServerId server, String operation, HttpRequest request, Consumer<JsonNode> onSuccess) {
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    long end = System.nanoTime();
                    if (error != null) {
                        return new Outcome(server, operation, start, end, 0, errorType(error), false, false);
                    }
                    String type = Outcome.errorTypeOf(response.statusCode());
                    boolean warned = false;
                    if (type == null && response.body().length > 0) {
                        try {
                            JsonNode json = Json.MAPPER.readTree(response.body());
                            warned = json.path("warnings").toString().contains("code_search_unavailable");
                            onSuccess.accept(json);
                        } catch (RuntimeException e) {
                            type = "bad_body";
                        }
                    }
                    boolean retryAfter =
                            response.headers().firstValue("Retry-After").isPresent();
                    return new Outcome(server, operation, start, end, response.statusCode(), type, retryAfter, warned);
                });
    }

    /**
     * Sends without reading the answer's body (status and headers only): for requests whose large answers are only
     * there to keep the service busy, so the caller does not spend the machine's CPU on parsing them.
     */
    CompletableFuture<Outcome> sendDiscardingBody(ServerId server, String operation, HttpRequest request) {
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            long end = System.nanoTime();
            if (error != null) {
                return new Outcome(server, operation, start, end, 0, errorType(error), false, false);
            }
            boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
            return new Outcome(
                    server,
                    operation,
                    start,
                    end,
                    response.statusCode(),
                    Outcome.errorTypeOf(response.statusCode()),
                    retryAfter,
                    false);
        });
    }

    static String errorType(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection_refused";
        }
        return cause instanceof IOException
                ? "connection"
                : "client_" + cause.getClass().getSimpleName();
    }
}
