package dev.mcpstack.validator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpstack.validator.model.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TemplatesTest {

    private final TemplateContext context = new TemplateContext().variable("run_id", "r1");

    @Test
    void resolvesPathsIntoThePreviousResponse() {
        context.response(json("{\"results\":[{\"chunk_id\":\"c-1\",\"score\":0.5}]}"));

        assertThat(Templates.renderText("/mcp/chunks/{{results[0].chunk_id}}", context))
                .isEqualTo("/mcp/chunks/c-1");
    }

    @Test
    void resolvesNamedCapturesAndStepResponses() {
        context.response(json("{\"id\":\"p-1\"}"));
        context.response(json("{\"id\":\"w-9\",\"refs\":[\"a\",\"b\"]}"));
        context.capture("project", json("{\"id\":\"p-1\",\"name\":\"n\"}"));

        assertThat(Templates.renderText("{{project.id}}/{{steps.1.id}}/{{steps.2.refs[1]}}/{{run_id}}", context))
                .isEqualTo("p-1/p-1/b/r1");
    }

    @Test
    void keepsTheJsonTypeOfAWholePlaceholder() {
        context.response(json("{\"count\":3,\"ids\":[\"x\",\"y\"]}"));

        JsonNode rendered =
                Templates.render(json("{\"n\":\"{{count}}\",\"refs\":\"{{ids}}\",\"t\":\"n={{count}}\"}"), context);

        assertThat(rendered.get("n").isNumber()).isTrue();
        assertThat(rendered.get("refs").isArray()).isTrue();
        assertThat(rendered.get("t").asString()).isEqualTo("n=3");
    }

    @Test
    void explainsAPlaceholderThatDoesNotResolve() {
        context.response(json("{\"results\":[]}"));

        assertThatThrownBy(() -> Templates.renderText("{{results[0].chunk_id}}", context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{results[0].chunk_id}} did not resolve")
                .hasMessageContaining("previous response");
        assertThatThrownBy(() -> Templates.renderText("{{steps.5.id}}", context))
                .hasMessageContaining("step 5 has not run yet");
    }

    @Test
    void translatesPathsToJsonPointers() {
        assertThat(JsonPaths.toPointer("results[0].chunk_id").toString()).isEqualTo("/results/0/chunk_id");
        assertThat(JsonPaths.toPointer("").toString()).isEmpty();
        assertThatThrownBy(() -> JsonPaths.toPointer("a..b")).hasMessageContaining("malformed path");
    }

    static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }
}
