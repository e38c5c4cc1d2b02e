package dev.mcpstack.validator.scenarios;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The scenario path syntax {@code results[0].chunk_id} translated to a JSON Pointer ({@code /results/0/chunk_id}) so
 * Jackson does the walking; an empty path is the whole document.
 */
public final class JsonPaths {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private JsonPaths() {}

    public static JsonPointer toPointer(String path) {
        if (path.isBlank()) {
            return JsonPointer.empty();
        }
        StringBuilder pointer = new StringBuilder();
        Matcher matcher = SEGMENT.matcher(path);
        int position = 0;
        while (matcher.find()) {
            String between = path.substring(position, matcher.start());
            if (!between.isEmpty() && !between.equals(".")) {
                throw new IllegalArgumentException("malformed path '" + path + "' near '" + between + "'");
            }
            String segment = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            position = matcher.end();
        }
        if (position != path.length()) {
            throw new IllegalArgumentException("malformed path '" + path + "'");
        }
        return JsonPointer.compile(pointer.toString());
    }

    /** The node at {@code path}, or a missing node. */
    public static JsonNode at(JsonNode document, String path) {
        return document.at(toPointer(path));
    }
}
