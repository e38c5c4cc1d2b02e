package dev.mcpstack.common.problem;

import dev.mcpstack.common.database.DatabaseFailures;
import dev.mcpstack.common.json.InputProblems;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.CodecException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import tools.jackson.core.JacksonException;

/**
 * Turns any failure into an RFC 9457 response: the one mapping shared by {@link ProblemDetailsAdvice} (controller
 * errors), {@link ProblemWebExceptionHandler} (errors outside controllers: unknown routes, WebFilters) and the MCP
 * tool adapters (a failed tool call carries the same detail as the REST answer).
 */
@Component
public final class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    private static final Map<Integer, String> SLUG_BY_STATUS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "unprocessable-content"),
            Map.entry(500, "internal-error"),
            Map.entry(503, "service-unavailable"));

    private final DatabaseFailures databaseFailures;

    ProblemMapper(DatabaseFailures databaseFailures) {
        this.databaseFailures = databaseFailures;
    }

    static String slugFor(HttpStatusCode status) {
        return SLUG_BY_STATUS.getOrDefault(status.value(), "http-" + status.value());
    }

    public ResponseEntity<ProblemDetail> toResponse(Throwable error) {
        if (error instanceof ApiProblem problem) {
            return render(problem);
        }
        JacksonException unreadable = hasCause(error, DecodingException.class) ? InputProblems.cause(error) : null;
        if (unreadable != null) {
            return render(InputProblems.of(unreadable));
        }
        if (hasCause(error, DataBufferLimitException.class)) {
            return render(new ApiProblem(
                    HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is larger than allowed"));
        }
        ApiProblem database = databaseFailures.classify(error);
        if (database != null) {
            return render(database);
        }
        if (error instanceof ErrorResponse response) {
            ProblemDetail body = response.getBody();
            complete(body, response.getStatusCode());
            return ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body);
        }
        if (error instanceof CodecException) {
            return render(
                    ApiProblem.badRequest("malformed-body", "The request body could not be read as the expected JSON"));
        }
        log.atError()
                .addKeyValue("event", "unexpected_error")
                .setCause(error)
                .log("Unexpected failure while handling a request");
        return render(new ApiProblem(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The server failed to handle the request"));
    }

    /** Gives a framework-made problem our stable type and, where the framework left none, a detail. */
    static void complete(ProblemDetail problem, HttpStatusCode status) {
        problem.setType(ApiProblem.type(slugFor(status)));
        if (problem.getDetail() == null) {
            problem.setDetail(
                    status.value() == 413
                            ? "The request body is larger than allowed"
                            : "The request could not be handled (HTTP " + status.value() + ")");
        }
    }

    static ResponseEntity<ProblemDetail> render(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(ApiProblem.type(problem.slug()));
        problem.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        problem.headers().forEach(headers::set);
        return ResponseEntity.status(problem.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }
}
