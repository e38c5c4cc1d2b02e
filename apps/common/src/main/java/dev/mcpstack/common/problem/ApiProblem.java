package dev.mcpstack.common.problem;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, rendered as an RFC 9457 problem detail with a stable {@code type}. Throw (or
 * {@code Mono.error}) it from anywhere on a request path, a controller or a WebFilter; {@link ProblemDetailsAdvice}
 * or {@link ProblemWebExceptionHandler} renders it, with its {@link #headers()} (e.g. {@code Retry-After}).
 */
public class ApiProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://mcp-stack.dev/problems/";

    private final HttpStatus status;
    private final String slug;
    private final Map<String, Object> properties;
    private final Map<String, String> headers;

    public ApiProblem(HttpStatus status, String slug, String detail) {
        this(status, slug, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, String slug, String detail, Map<String, Object> properties) {
        this(status, slug, detail, properties, Map.of());
    }

    public ApiProblem(
            HttpStatus status,
            String slug,
            String detail,
            Map<String, Object> properties,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.properties = Map.copyOf(properties);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, slug, detail);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist");
    }

    /** 503 with {@code Retry-After} (whole seconds, at least 1) and a {@code retry_after_seconds} property. */
    public static ApiProblem serviceUnavailable(String slug, String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                slug,
                detail,
                Map.of("retry_after_seconds", seconds),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }

    /** The same problem with one more response header. */
    public ApiProblem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiProblem(status, slug, getMessage(), properties, more);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
