package dev.mcpstack.codebase.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.Api;
import dev.mcpstack.codebase.CodebaseMcpTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code POST /mcp/index {"path"}}: only below a configured root, links never followed. */
@CodebaseMcpTest
class DirectoryIndexingTest {

    private static final Path ROOT = temporaryDirectory("allowed-root");
    private static final Path OUTSIDE = temporaryDirectory("outside");

    @DynamicPropertySource
    static void allowedRoot(DynamicPropertyRegistry registry) {
        registry.add("codebase.index.allowed-roots[0]", ROOT::toString);
    }

    @Autowired
    Api api;

    @Test
    void indexesDirectoryUnderAllowedRoot() throws IOException {
        Path project = Files.createDirectories(ROOT.resolve("project/src"));
        Files.writeString(
                project.resolve("Greeter.java"), "public class Greeter {\n    String greet() { return \"hi\"; }\n}\n");
        Files.writeString(project.getParent().resolve("notes.md"), "# Notes\n");
        Files.createDirectories(project.getParent().resolve(".git"));
        Files.writeString(project.getParent().resolve(".git/config"), "[core]\n");
        Files.writeString(OUTSIDE.resolve("secret.txt"), "do not index\n");
        Files.createSymbolicLink(project.resolve("secret.txt"), OUTSIDE.resolve("secret.txt"));

        Map<String, Object> result = Api.body(
                api.post("/mcp/index", Map.of("path", ROOT.resolve("project").toString(), "repository", "dir-project"))
                        .expectStatus()
                        .isCreated());

        assertThat(result).containsEntry("files_indexed", 2).containsEntry("files_skipped", 1);
        assertThat(api.results(Map.of("query", "Greeter", "repository_id", result.get("repository_id"))))
                .extracting(hit -> hit.get("file_path"))
                .containsExactly("src/Greeter.java");
    }

    @Test
    void refusesDirectoryOutsideAllowedRoots() {
        Map<String, Object> problem =
                Api.body(api.post("/mcp/index", Map.of("path", OUTSIDE.toString(), "repository", "outside"))
                        .expectStatus()
                        .isForbidden());

        assertThat(problem.get("type").toString()).endsWith("/path-not-allowed");
    }

    @Test
    void refusesTraversalOutOfAllowedRoot() {
        String sneaky = ROOT + "/../" + OUTSIDE.getFileName();

        api.post("/mcp/index", Map.of("path", sneaky, "repository", "sneaky"))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void rejectsMissingDirectoryUnderRoot() {
        Map<String, Object> problem = Api.body(
                api.post("/mcp/index", Map.of("path", ROOT.resolve("missing").toString(), "repository", "missing"))
                        .expectStatus()
                        .isBadRequest());

        assertThat(problem.get("type").toString()).endsWith("/path-not-found");
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
