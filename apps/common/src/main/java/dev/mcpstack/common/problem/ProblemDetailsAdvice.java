package dev.mcpstack.common.problem;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error leaves as {@code application/problem+json} with a stable type and no stack trace. Framework errors
 * (bad JSON, wrong media type, unknown route) keep their status and get a type derived from it.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ProblemDetailsAdvice.class);

    private static final Map<Integer, String> SLUG_BY_STATUS = Map.of(
            400, "bad-request",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            409, "conflict",
            413, "payload-too-large",
            415, "unsupported-media-type",
            422, "unprocessable-content",
            503, "service-unavailable");

    @ExceptionHandler(ApiProblem.class)
    Mono<ResponseEntity<ProblemDetail>> handleApiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(ApiProblem.type(problem.slug()));
        problem.properties().forEach(body::setProperty);
        return Mono.just(ResponseEntity.status(problem.status()).body(body));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    Mono<ResponseEntity<ProblemDetail>> handleTooLarge(DataBufferLimitException e) {
        return handleApiProblem(new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is larger than allowed"));
    }

    @ExceptionHandler(CodecException.class)
    Mono<ResponseEntity<ProblemDetail>> handleUnreadable(CodecException e) {
        return handleApiProblem(
                ApiProblem.badRequest("malformed-body", "The request body could not be read as the expected JSON"));
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> handleUnexpected(Exception e) {
        log.error("Unexpected failure while handling a request", e);
        return handleApiProblem(new ApiProblem(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The server failed to handle the request"));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(
            Exception ex,
            @Nullable Object body,
            @Nullable HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            problem.setType(ApiProblem.type(SLUG_BY_STATUS.getOrDefault(status.value(), "http-" + status.value())));
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }
}
