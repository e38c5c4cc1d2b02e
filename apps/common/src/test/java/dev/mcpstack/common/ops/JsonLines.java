package dev.mcpstack.common.ops;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.system.CapturedOutput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses captured stdout as JSON log lines; every line that starts a JSON object must be one. */
final class JsonLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLines() {}

    static List<JsonNode> parse(CapturedOutput output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\\R")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    static List<JsonNode> events(CapturedOutput output, String event) {
        return parse(output).stream()
                .filter(line -> event.equals(line.path("event").asString()))
                .toList();
    }
}
