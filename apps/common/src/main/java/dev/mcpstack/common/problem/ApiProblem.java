package dev.mcpstack.common.problem;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, rendered as an RFC 9457 problem detail with a stable {@code type}. Throw (or
 * {@code Mono.error}) it from anywhere on a request path; {@link ProblemDetailsAdvice} renders it.
 */
public class ApiProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://mcp-stack.dev/problems/";

    private final HttpStatus status;
    private final String slug;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String slug, String detail) {
        this(status, slug, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, String slug, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, slug, detail);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist");
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
}
