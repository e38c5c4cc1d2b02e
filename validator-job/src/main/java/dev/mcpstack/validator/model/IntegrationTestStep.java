package dev.mcpstack.validator.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP call of a scenario. Strings in {@code api_call} may hold {@code {{...}}} placeholders (see
 * docs/validator.md); {@code capture} names values of the response for later steps.
 */
public record IntegrationTestStep(
        int stepNumber,
        ServerId server,
        String action,
        ApiCall apiCall,
        ExpectedResponse expectedResponse,
        List<StepAssertion> assertions,
        Map<String, String> capture) {

    public IntegrationTestStep {
        Checks.require(stepNumber >= 1, "step_number must be >= 1 but was " + stepNumber);
        Checks.present(server, "server (step " + stepNumber + ")");
        action = action == null ? "" : action;
        Checks.present(apiCall, "api_call (step " + stepNumber + ")");
        expectedResponse = expectedResponse == null ? new ExpectedResponse(200) : expectedResponse;
        assertions = Checks.list(assertions);
        capture = Checks.map(capture);
    }

    /** method, endpoint (path + query), JSON payload or an archive built from inline files, extra headers. */
    public record ApiCall(
            String method,
            String endpoint,
            @Nullable JsonNode payload,
            @Nullable Archive archive,
            Map<String, String> headers) {

        public ApiCall {
            method = Checks.text(method, "api_call.method").toUpperCase(java.util.Locale.ROOT);
            Checks.require(
                    List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method),
                    "api_call.method must be GET|POST|PUT|PATCH|DELETE but was " + method);
            Checks.text(endpoint, "api_call.endpoint");
            Checks.require(endpoint.startsWith("/"), "api_call.endpoint must start with '/' but was " + endpoint);
            Checks.require(payload == null || archive == null, "api_call has both payload and archive: pick one");
            headers = Checks.map(headers);
        }
    }

    /** A tar.gz request body built by the runner from inline files (path -> content). */
    public record Archive(Map<String, String> files) {
        public Archive {
            files = Checks.map(files);
            Checks.require(!files.isEmpty(), "archive.files must not be empty");
        }
    }

    public record ExpectedResponse(int statusCode) {
        public ExpectedResponse {
            Checks.require(
                    statusCode >= 100 && statusCode <= 599, "expected_response.status_code must be an HTTP status");
        }
    }

    /**
     * One check on the response body at {@code path} (dotted, with [index]; empty = the whole body). Exactly one
     * operator: equals, not_equals, exists, contains, size, size_at_least.
     */
    public record StepAssertion(
            String path,
            @JsonProperty("equals") @Nullable JsonNode isEqualTo,
            @Nullable JsonNode notEquals,
            @Nullable Boolean exists,
            @Nullable JsonNode contains,
            @Nullable Integer size,
            @Nullable Integer sizeAtLeast) {

        public StepAssertion {
            path = path == null ? "" : path;
            int operators = count(isEqualTo)
                    + count(notEquals)
                    + count(exists)
                    + count(contains)
                    + count(size)
                    + count(sizeAtLeast);
            Checks.require(
                    operators == 1,
                    "assertion on '" + path
                            + "' needs exactly one of equals, not_equals, exists, contains, size, size_at_least");
        }

        private static int count(@Nullable Object value) {
            return value == null ? 0 : 1;
        }
    }
}
