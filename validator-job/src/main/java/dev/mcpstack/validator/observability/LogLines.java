package dev.mcpstack.validator.observability;

import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.report.CheckResult;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * SPEC §5 log format: every stdout line one JSON object with timestamp (ISO 8601), level (one of the seed's names),
 * event, message, context.
 */
public final class LogLines {

    /** The seed's level names: operators' queries and the seed's checks key on them (logback's WARN is not one). */
    static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

    private LogLines() {}

    public static CheckResult check(ServerId server, List<String> lines) {
        String name = server + " logs";
        List<String> problems = new ArrayList<>();
        int checked = 0;
        int bad = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            checked++;
            Optional<String> problem = problem(line);
            if (problem.isPresent()) {
                bad++;
                if (problems.size() < 3) {
                    String excerpt = line.length() > 160 ? line.substring(0, 160) + "..." : line;
                    problems.add("line " + (i + 1) + ": " + problem.get() + " [" + excerpt + "]");
                }
            }
        }
        if (checked == 0) {
            return CheckResult.fail(ObservabilitySuite.SUITE, name, "no log lines captured");
        }
        return bad == 0
                ? CheckResult.pass(ObservabilitySuite.SUITE, name, checked + " lines, all well-formed JSON events")
                : CheckResult.fail(
                        ObservabilitySuite.SUITE,
                        name,
                        bad + " of " + checked + " lines malformed; " + String.join("; ", problems));
    }

    static Optional<String> problem(String line) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (RuntimeException e) {
            return Optional.of("not JSON");
        }
        if (!node.isObject()) {
            return Optional.of("not a JSON object");
        }
        for (String field : List.of("timestamp", "level", "event", "message")) {
            if (!node.hasNonNull(field)) {
                return Optional.of("missing '" + field + "'");
            }
        }
        if (!LEVELS.contains(node.get("level").asString())) {
            return Optional.of("level " + node.get("level") + " is not one of " + LEVELS);
        }
        if (!node.path("context").isObject()) {
            return Optional.of("'context' is not an object");
        }
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(node.get("timestamp").asString());
        } catch (DateTimeParseException e) {
            return Optional.of("timestamp is not ISO 8601: " + node.get("timestamp"));
        }
        return Optional.empty();
    }
}
