package dev.mcpstack.common.problem;

import org.jspecify.annotations.Nullable;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every controller error leaves as {@code application/problem+json} with a stable type and no stack trace.
 * Framework errors (bad JSON, wrong media type) keep their status and get a type derived from it; database
 * outages and pool exhaustion become 503 with {@code Retry-After} (see {@link ProblemMapper}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final ProblemMapper mapper;

    ProblemDetailsAdvice(ProblemMapper mapper) {
        this.mapper = mapper;
    }

    @ExceptionHandler(ApiProblem.class)
    Mono<ResponseEntity<ProblemDetail>> handleApiProblem(ApiProblem problem) {
        return Mono.just(ProblemMapper.render(problem));
    }

    @ExceptionHandler({DataBufferLimitException.class, CodecException.class, Exception.class})
    Mono<ResponseEntity<ProblemDetail>> handleOther(Exception e) {
        return Mono.just(mapper.toResponse(e));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(
            Exception ex,
            @Nullable Object body,
            @Nullable HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        // The framework fills the body in super (from ErrorResponse), so the stable type is set on the result.
        return super.handleExceptionInternal(ex, body, headers, status, exchange)
                .map(response -> {
                    if (response.getBody() instanceof ProblemDetail problem) {
                        ProblemMapper.complete(problem, response.getStatusCode());
                    }
                    return response;
                });
    }
}
