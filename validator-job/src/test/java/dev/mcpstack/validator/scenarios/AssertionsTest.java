package dev.mcpstack.validator.scenarios;

import static dev.mcpstack.validator.scenarios.TemplatesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.IntegrationTestStep.StepAssertion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AssertionsTest {

    private final TemplateContext context = new TemplateContext().variable("chunk", "c-1");
    private final JsonNode body = json("""
            {"id":"w-1","count":2,"entity_references":["c-1","c-2"],"stale_references":[],
             "title":"Fix authentication bug","results":[{"chunk_id":"c-1"}]}""");

    @Test
    void equalsComparesNumbersByValueAndRendersTemplates() {
        assertThat(check(new StepAssertion("count", json("2.0"), null, null, null, null, null)))
                .isEmpty();
        assertThat(check(new StepAssertion("results[0].chunk_id", json("\"{{chunk}}\""), null, null, null, null, null)))
                .isEmpty();
        assertThat(check(new StepAssertion("id", json("\"w-2\""), null, null, null, null, null)))
                .hasValue("'id' should equal \"w-2\" but is \"w-1\"");
    }

    @Test
    void existsAndAbsent() {
        assertThat(check(new StepAssertion("results[0].chunk_id", null, null, true, null, null, null)))
                .isEmpty();
        assertThat(check(new StepAssertion("results[1].chunk_id", null, null, true, null, null, null)))
                .hasValue("'results[1].chunk_id' should exist but is missing");
        assertThat(check(new StepAssertion("nope", null, null, false, null, null, null)))
                .isEmpty();
    }

    @Test
    void containsLooksIntoArraysAndStrings() {
        assertThat(check(new StepAssertion("entity_references", null, null, null, json("\"{{chunk}}\""), null, null)))
                .isEmpty();
        assertThat(check(new StepAssertion("title", null, null, null, json("\"authentication\""), null, null)))
                .isEmpty();
        assertThat(check(new StepAssertion("stale_references", null, null, null, json("\"c-1\""), null, null)))
                .hasValue("'stale_references' should contain \"c-1\" but is []");
    }

    @Test
    void sizeAndSizeAtLeast() {
        assertThat(check(new StepAssertion("entity_references", null, null, null, null, 2, null)))
                .isEmpty();
        assertThat(check(new StepAssertion("stale_references", null, null, null, null, null, 1)))
                .hasValue("'stale_references' should have size >= 1 but has 0: []");
        assertThat(check(new StepAssertion("missing", null, null, null, null, 0, null)))
                .get()
                .asString()
                .contains("no size");
    }

    private java.util.Optional<String> check(StepAssertion assertion) {
        return Assertions.check(assertion, body, context);
    }
}
