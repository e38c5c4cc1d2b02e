package dev.mcpstack.workflow.web;

import dev.mcpstack.common.json.InputProblems;
import dev.mcpstack.common.problem.ApiProblem;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/**
 * Says which field of a request is wrong, where the shared handlers only say that the request is: a client can fix
 * {@code "title: must not be blank"} or {@code "unknown field 'colour'"} without guessing. Same problem+json shape
 * and 400 status as the shared handlers.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestProblems {

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalidFields(WebExchangeBindException e) {
        List<String> errors = e.getFieldErrors().stream()
                .map(error -> snakeCase(error.getField()) + ": " + error.getDefaultMessage())
                .sorted()
                .toList();
        String detail = errors.isEmpty() ? "The request is invalid" : String.join("; ", errors);
        return problem("invalid-request", detail);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadableInput(ServerWebInputException e) {
        JacksonException jackson = find(e, JacksonException.class);
        if (jackson != null) {
            ApiProblem problem = InputProblems.of(jackson);
            return problem(problem.slug(), problem.getMessage());
        }
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null) {
            return problem(
                    "invalid-parameter", "'" + e.getMethodParameter().getParameterName() + "' has an invalid value");
        }
        return problem("bad-request", e.getReason() == null ? "The request is invalid" : e.getReason());
    }

    private static ResponseEntity<ProblemDetail> problem(String slug, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setType(ApiProblem.type(slug));
        return ResponseEntity.badRequest().body(body);
    }

    private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
