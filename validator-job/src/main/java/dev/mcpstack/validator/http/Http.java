package dev.mcpstack.validator.http;

import dev.mcpstack.validator.model.Json;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The validator's HTTP client: the JDK's, HTTP/1.1 with keep-alive. One instance is shared by all suites; its
 * connection pool is what lets the load engine keep up with wrk (docs/performance/load-engine.md).
 */
public final class Http {

    private final HttpClient client;
    private final Duration timeout;

    public Http(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newCachedThreadPool(daemonThreads()))
                .build();
    }

    public HttpClient client() {
        return client;
    }

    public Duration timeout() {
        return timeout;
    }

    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }

    public static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
    }

    public Response get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = request(uri).GET();
        headers.forEach(builder::header);
        return send(builder.build());
    }

    public Response postJson(URI uri, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder =
                request(uri).header("Content-Type", "application/json").POST(json(body));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /** Streams the body from {@code file} (e.g. a generated tar.gz) without reading it into memory. */
    public Response postFile(URI uri, String contentType, Path file, Duration requestTimeout) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("no file to upload: " + file, e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", contentType)
                .POST(body)
                .build();
        return send(request);
    }

    public Response send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    System.nanoTime() - start,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "validator-http");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A response read whole (these are small JSON documents) and how long it took. */
    public record Response(int status, byte[] body, long nanos, String contentType) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public @Nullable JsonNode jsonOrNull() {
            try {
                return body.length == 0 ? null : Json.MAPPER.readTree(body);
            } catch (RuntimeException e) {
                return null;
            }
        }

        public JsonNode json() {
            JsonNode node = jsonOrNull();
            if (node == null) {
                throw new IllegalStateException("expected a JSON body, got status " + status + ": " + excerpt());
            }
            return node;
        }

        public double millis() {
            return nanos / 1_000_000.0;
        }

        public String excerpt() {
            String text = text().replaceAll("\\s+", " ");
            return text.length() > 600 ? text.substring(0, 600) + "..." : text;
        }
    }
}
