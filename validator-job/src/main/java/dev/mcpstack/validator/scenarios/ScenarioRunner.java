package dev.mcpstack.validator.scenarios;

import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.model.IntegrationTestCase;
import dev.mcpstack.validator.model.IntegrationTestStep;
import dev.mcpstack.validator.model.IntegrationTestStep.StepAssertion;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.ServerId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Runs scenario steps in order; the first failing step ends the scenario with a message saying why. */
public final class ScenarioRunner {

    private final Http http;
    private final Function<ServerId, URI> baseUrls;
    private final Consumer<String> progress;

    public ScenarioRunner(Http http, Function<ServerId, URI> baseUrls, Consumer<String> progress) {
        this.http = http;
        this.baseUrls = baseUrls;
        this.progress = progress;
    }

    /** Outcome of one scenario: the test case with its last_run fields set, and how far it got. */
    public record Outcome(IntegrationTestCase testCase, long durationMs, int stepsPassed) {
        public boolean passed() {
            return "pass".equals(testCase.lastRunStatus());
        }
    }

    public Outcome run(IntegrationTestCase testCase) {
        TemplateContext context = new TemplateContext()
                .variable("run_id", UUID.randomUUID().toString().substring(0, 8))
                .variable("codebase_url", baseUrls.apply(ServerId.CODEBASE).toString())
                .variable("workflow_url", baseUrls.apply(ServerId.WORKFLOW).toString());
        long start = System.nanoTime();
        int passed = 0;
        String error = null;
        for (IntegrationTestStep step : testCase.workflowSteps()) {
            Optional<String> failure = runStep(step, context);
            if (failure.isPresent()) {
                error = "step " + step.stepNumber() + " (" + step.action() + ") " + failure.get();
                break;
            }
            passed++;
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        progress.accept("scenario " + testCase.testId() + ": " + (error == null ? "PASS" : "FAIL - " + error));
        IntegrationTestCase ran = new IntegrationTestCase(
                testCase.testId(),
                testCase.testName(),
                testCase.testDescription(),
                testCase.requiredServers(),
                testCase.setupSteps(),
                testCase.workflowSteps(),
                testCase.teardownSteps(),
                error == null ? "pass" : "fail",
                Instant.now(),
                error);
        return new Outcome(ran, durationMs, passed);
    }

    Optional<String> runStep(IntegrationTestStep step, TemplateContext context) {
        IntegrationTestStep.ApiCall call = step.apiCall();
        String endpoint;
        HttpRequest request;
        try {
            endpoint = Templates.renderText(call.endpoint(), context);
            request = buildRequest(step, endpoint, context);
        } catch (RuntimeException e) {
            return Optional.of(
                    call.method() + " " + call.endpoint() + ": could not build the request: " + e.getMessage());
        }
        String what = call.method() + " " + step.server() + endpoint;
        Http.Response response;
        try {
            response = http.send(request);
        } catch (RuntimeException e) {
            return Optional.of(what + ": request failed: " + e.getMessage());
        }
        int expected = step.expectedResponse().statusCode();
        if (response.status() != expected) {
            return Optional.of(what + ": expected status " + expected + " but got " + response.status() + "; response: "
                    + response.excerpt());
        }
        JsonNode body = response.jsonOrNull();
        if (body == null) {
            body = JsonNodeFactory.instance.objectNode();
        }
        context.response(body);
        List<String> failures = new ArrayList<>();
        for (StepAssertion assertion : step.assertions()) {
            try {
                Assertions.check(assertion, body, context).ifPresent(failures::add);
            } catch (RuntimeException e) {
                failures.add("assertion on '" + assertion.path() + "' could not be evaluated: " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            return Optional.of(what + ": " + String.join("; ", failures) + "; response: " + response.excerpt());
        }
        for (Map.Entry<String, String> capture : step.capture().entrySet()) {
            JsonNode value = JsonPaths.at(body, capture.getValue());
            if (value.isMissingNode()) {
                return Optional.of(what + ": capture '" + capture.getKey() + "' found nothing at '" + capture.getValue()
                        + "'; response: " + response.excerpt());
            }
            context.capture(capture.getKey(), value);
        }
        return Optional.empty();
    }

    private HttpRequest buildRequest(IntegrationTestStep step, String endpoint, TemplateContext context) {
        IntegrationTestStep.ApiCall call = step.apiCall();
        HttpRequest.Builder builder = http.request(baseUrls.apply(step.server()).resolve(endpoint));
        call.headers().forEach((name, value) -> builder.header(name, Templates.renderText(value, context)));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (call.archive() != null) {
            TarArchiveBuilder archive = TarArchiveBuilder.create();
            call.archive()
                    .files()
                    .forEach((path, content) ->
                            archive.file(Templates.renderText(path, context), Templates.renderText(content, context)));
            body = HttpRequest.BodyPublishers.ofByteArray(archive.toTarGz());
            builder.header("Content-Type", "application/gzip");
        } else if (call.payload() != null) {
            body = HttpRequest.BodyPublishers.ofByteArray(
                    Json.MAPPER.writeValueAsBytes(Templates.render(call.payload(), context)));
            builder.header("Content-Type", "application/json");
        }
        return builder.method(call.method(), body)
                .timeout(Duration.ofSeconds(60))
                .build();
    }
}
