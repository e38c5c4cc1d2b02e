package dev.mcpstack.validator.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One request of a load run, independent of the client that sends it. */
public record LoadRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    private static final byte[] NONE = new byte[0];

    public static LoadRequest get(URI uri) {
        return new LoadRequest("GET", uri, Map.of(), NONE);
    }

    public static LoadRequest post(URI uri, Map<String, String> headers, byte[] body) {
        return new LoadRequest("POST", uri, headers, body);
    }

    public static LoadRequest postJson(URI uri, String json) {
        return post(uri, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }
}
