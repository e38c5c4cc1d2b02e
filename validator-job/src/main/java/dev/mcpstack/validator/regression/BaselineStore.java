package dev.mcpstack.validator.regression;

import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.model.ServerId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;

/**
 * Reads benchmark results from whatever the user points at (one result, an array, a report.json, a directory of
 * baseline files, or the baselines shipped in the jar) and writes baseline files named
 * {@code {server_id}_{operation_type}_{timestamp}.json}.
 */
public final class BaselineStore {

    public static final String SHIPPED = "classpath:baselines";
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BaselineStore() {}

    public static List<PerformanceBenchmarkResult> load(String location) {
        if (location.equals(SHIPPED)) {
            return loadShipped();
        }
        return load(Path.of(location));
    }

    public static List<PerformanceBenchmarkResult> load(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such baseline or results file: " + path);
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                List<PerformanceBenchmarkResult> all = new ArrayList<>();
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> all.addAll(load(f)));
                return all;
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + path, e);
            }
        }
        try {
            return parse(Json.MAPPER.readTree(Files.readString(path)), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    static List<PerformanceBenchmarkResult> loadShipped() {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:baselines/*.json");
            List<PerformanceBenchmarkResult> all = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    all.addAll(parse(Json.MAPPER.readTree(in), resource.getDescription()));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the shipped baselines", e);
        }
    }

    /** A single result, an array of results, or an object with a {@code benchmarks} array (report.json). */
    static List<PerformanceBenchmarkResult> parse(JsonNode node, String source) {
        JsonNode results = node.has("benchmarks") ? node.get("benchmarks") : node;
        List<PerformanceBenchmarkResult> out = new ArrayList<>();
        try {
            if (results.isArray()) {
                for (JsonNode item : results) {
                    out.add(Json.MAPPER.treeToValue(item, PerformanceBenchmarkResult.class));
                }
            } else {
                out.add(Json.MAPPER.treeToValue(results, PerformanceBenchmarkResult.class));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "not a benchmark result (or list of them): " + source + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The newest result per server and operation. */
    public static Map<String, PerformanceBenchmarkResult> latestByKey(List<PerformanceBenchmarkResult> results) {
        Map<String, PerformanceBenchmarkResult> latest = new LinkedHashMap<>();
        results.stream()
                .sorted(Comparator.comparing(PerformanceBenchmarkResult::timestamp))
                .forEach(r -> latest.put(key(r.serverId(), r.operationType()), r));
        return latest;
    }

    public static String key(ServerId server, OperationType operation) {
        return server.wireName() + "_" + operation.wireName();
    }

    /** {@code {server_id}_{operation_type}_{timestamp}.json} (SPEC §6). */
    public static String fileName(PerformanceBenchmarkResult result) {
        return key(result.serverId(), result.operationType()) + "_" + FILE_TIME.format(result.timestamp()) + ".json";
    }

    public static List<Path> save(List<PerformanceBenchmarkResult> results, Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> written = new ArrayList<>();
            for (PerformanceBenchmarkResult result : results) {
                Path file = directory.resolve(fileName(result));
                Files.writeString(file, Json.pretty(result));
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write baselines to " + directory, e);
        }
    }
}
