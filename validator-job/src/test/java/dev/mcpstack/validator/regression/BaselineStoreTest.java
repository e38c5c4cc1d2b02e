package dev.mcpstack.validator.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpstack.validator.model.Fixtures;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {

    @TempDir
    Path dir;

    @Test
    void savesOneFilePerResultNamedByServerOperationAndTime() throws Exception {
        List<Path> files = BaselineStore.save(List.of(Fixtures.benchmark(OperationType.SEARCH, 8.0)), dir);

        assertThat(files)
                .singleElement()
                .satisfies(file -> assertThat(file.getFileName().toString())
                        .isEqualTo("codebase-mcp_search_20261122T100000Z.json"));
        assertThat(BaselineStore.load(dir))
                .singleElement()
                .satisfies(r -> assertThat(r.latencyP95Ms()).isEqualTo(8.0));
    }

    @Test
    void readsTheBenchmarksOfAReport() throws Exception {
        Path report = dir.resolve("report.json");
        Files.writeString(
                report,
                Json.MAPPER.writeValueAsString(Map.of(
                        "verdict",
                        "pass",
                        "benchmarks",
                        List.of(
                                Fixtures.benchmark(OperationType.SEARCH, 8.0),
                                Fixtures.benchmark(OperationType.INDEX, 4000.0)))));

        Map<String, PerformanceBenchmarkResult> byKey = BaselineStore.latestByKey(BaselineStore.load(report));

        assertThat(byKey).containsOnlyKeys("codebase-mcp_search", "codebase-mcp_index");
    }

    @Test
    void explainsAFileThatIsNotAResult() throws Exception {
        Path bogus = dir.resolve("bogus.json");
        Files.writeString(bogus, "{\"hello\": 1}");

        assertThatThrownBy(() -> BaselineStore.load(bogus))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a benchmark result")
                .hasMessageContaining("bogus.json");
    }
}
