package dev.mcpstack.validator.monitoring;

import dev.mcpstack.validator.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The dashboards in grafana/ and their panels (rows' nested panels included). */
final class Dashboards {

    static final Path DIRECTORY = Tools.ROOT.resolve("grafana");
    static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");
    /** Grafana's own variables, and what the tests put in for them (Prometheus needs two samples in a window). */
    static final Map<String, String> BUILT_IN = Map.of("__rate_interval", "1m", "__range", "5m", "__interval", "15s");

    private Dashboards() {}

    static List<Path> files() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    static List<String> variables(JsonNode dashboard) {
        List<String> names = new ArrayList<>();
        dashboard
                .path("templating")
                .path("list")
                .forEach(v -> names.add(v.path("name").asString()));
        return names;
    }

    static List<String> referenced(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** An expression as Grafana would send it: variables replaced by {@code values}, built-ins by test windows. */
    static String substitute(String expr, Map<String, String> values) {
        String result = expr;
        for (Map.Entry<String, String> entry : BUILT_IN.entrySet()) {
            result = result.replace("$" + entry.getKey(), entry.getValue());
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            result = result.replace("${" + entry.getKey() + "}", entry.getValue())
                    .replace("$" + entry.getKey(), entry.getValue());
        }
        return result;
    }
}
