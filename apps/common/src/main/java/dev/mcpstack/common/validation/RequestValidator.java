package dev.mcpstack.common.validation;

import dev.mcpstack.common.problem.ApiProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Bean Validation of a request record, run by the shared operation (not by the controller), so REST and MCP get
 * the same 400 / tool error: {@code "name: must not be blank; tags[0]: size must be between 0 and 100"}.
 */
@Component
public final class RequestValidator {

    private final Validator validator;

    RequestValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            String detail = violations.stream()
                    .map(violation -> field(violation.getPropertyPath().toString()) + ": " + violation.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
            throw ApiProblem.badRequest("invalid-request", detail);
        }
        return request;
    }

    private static String field(String path) {
        return path.replace(".<list element>", "")
                .replace(".<map value>", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }
}
