package dev.mcpstack.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.workflow.testing.Api;
import dev.mcpstack.workflow.testing.WorkflowApiTest;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Seeded, bounded fuzzing of every endpoint: malformed or hostile input is a 4xx, never a 5xx. */
class HostileInputTest extends WorkflowApiTest {

    private static final List<String> FIELDS = List.of(
            "name",
            "description",
            "entity_type",
            "data",
            "tags",
            "project_id",
            "tags_any",
            "data_contains",
            "name_prefix",
            "limit",
            "cursor",
            "title",
            "status",
            "entity_references");

    private static final List<String> VALUES = List.of(
            "null",
            "true",
            "-1",
            "0",
            "1e309",
            "12345678901234567890",
            "\"\"",
            "\"x\"",
            "\"\\u0000\"",
            "\"" + "y".repeat(5000) + "\"",
            "[]",
            "[null]",
            "[1,2]",
            "[\"\\u0000\"]",
            "{}",
            "{\"a\":{\"b\":[1]}}",
            "{\"k\":\"\\u0000\"}",
            "\"" + UUID.randomUUID() + "\"",
            "\"not-a-uuid\"",
            "\"\\ud800\"",
            "\"open\"");

    @Test
    void neverAnswersServerErrorsToHostileBodies() {
        UUID project = api.createProject("fuzz");
        String client = "fuzz-" + UUID.randomUUID();
        api.activate(client, project);
        UUID workItem = api.post("/mcp/work_items", client, Api.body("title", "target"))
                .expect(201)
                .id();
        List<String> postTargets = List.of(
                "/mcp/projects",
                "/mcp/entities",
                "/mcp/entities/query",
                "/mcp/work_items",
                "/mcp/projects/" + project + "/activate");
        SplittableRandom random = new SplittableRandom(42);

        for (int i = 0; i < 150; i++) {
            String bodyText = randomBody(random);
            String target = postTargets.get(random.nextInt(postTargets.size()));
            assertBelow500(api.call(HttpMethod.POST, target, client, bodyText), target, bodyText);
            String patchTarget = "/mcp/work_items/" + workItem;
            assertBelow500(api.call(HttpMethod.PATCH, patchTarget, client, bodyText), patchTarget, bodyText);
        }
        for (String raw : List.of("{", "]", "{\"a\":", "\u0000", "{\"title\":\"t\"}{}", "[".repeat(2000))) {
            assertBelow500(api.call(HttpMethod.POST, "/mcp/work_items", client, raw), "/mcp/work_items", raw);
        }
    }

    @Test
    void neverAnswersServerErrorsToHostileQueryStrings() {
        String client = "fuzz-q-" + UUID.randomUUID();
        api.activate(client, api.createProject("fuzz-q"));
        for (String query : List.of(
                "limit=-5",
                "limit=abc",
                "limit=99999999999",
                "cursor=%00",
                "cursor=" + "A".repeat(3000),
                "status=%00",
                "project_id=zzz",
                "status=done&status=open",
                "cursor=djE6OTk5OTk5OTk5OTk5OTk5OTk6eA")) {
            Api.Response response = api.get("/mcp/work_items?" + query, client);
            assertThat(response.status()).as("GET /mcp/work_items?%s", query).isBetween(200, 499);
        }
    }

    private static void assertBelow500(Api.Response response, String target, String body) {
        assertThat(response.status())
                .as("%s with %s", target, body.length() > 200 ? body.substring(0, 200) : body)
                .isBetween(200, 499);
    }

    private static String randomBody(SplittableRandom random) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(4) + 1;
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                json.append(',');
            }
            json.append('"').append(FIELDS.get(random.nextInt(FIELDS.size()))).append("\":");
            json.append(VALUES.get(random.nextInt(VALUES.size())));
        }
        return json.append('}').toString();
    }
}
