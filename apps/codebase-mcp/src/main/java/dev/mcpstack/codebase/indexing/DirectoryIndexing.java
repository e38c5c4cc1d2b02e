package dev.mcpstack.codebase.indexing;

import dev.mcpstack.common.problem.ApiProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Indexes a directory on the server, only under the configured roots (links resolved, so none leads out): the one
 * path behind {@code POST /mcp/index} with a JSON body and the MCP tool {@code index_directory}.
 */
@Component
public class DirectoryIndexing {

    private static final Pattern REPOSITORY_NAME = Pattern.compile("[\\p{L}\\p{N}._/@:+-]{1,200}");

    private final RepositoryIndexer indexer;
    private final IndexProperties properties;

    DirectoryIndexing(RepositoryIndexer indexer, IndexProperties properties) {
        this.indexer = indexer;
        this.properties = properties;
    }

    public Mono<IndexResult> index(IndexPathRequest request) {
        String name = checkName(request.repository());
        Path directory = allowedDirectory(request.path());
        return indexer.index(name, () -> new DirectorySourceEntries(directory, properties));
    }

    private Path allowedDirectory(@Nullable String path) {
        if (path == null || path.isBlank()) {
            throw ApiProblem.badRequest("path-required", "'path' must name a directory on the server");
        }
        if (properties.roots().isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "path-not-allowed",
                    "Indexing server directories is disabled (codebase.index.allowed-roots is empty)");
        }
        Path real;
        try {
            // the lexical check first, so paths outside the roots cannot be probed for existence
            if (!underAllowedRoot(Path.of(path).toAbsolutePath().normalize(), false)) {
                throw notAllowed(path);
            }
            real = Path.of(path).toRealPath();
        } catch (IOException | InvalidPathException e) {
            throw ApiProblem.badRequest("path-not-found", "'" + path + "' is not an existing directory");
        }
        // again with links resolved: a link inside a root must not lead outside it
        if (!underAllowedRoot(real, true)) {
            throw notAllowed(path);
        }
        if (!Files.isDirectory(real)) {
            throw ApiProblem.badRequest("path-not-directory", "'" + path + "' is not a directory");
        }
        return real;
    }

    private boolean underAllowedRoot(Path candidate, boolean resolveLinks) {
        for (Path root : properties.roots()) {
            Path base = resolveLinks ? realOrNull(root) : root.toAbsolutePath().normalize();
            if (base != null && candidate.startsWith(base)) {
                return true;
            }
        }
        return false;
    }

    private static ApiProblem notAllowed(String path) {
        return new ApiProblem(
                HttpStatus.FORBIDDEN, "path-not-allowed", "'" + path + "' is not under an allowed indexing root");
    }

    private static @Nullable Path realOrNull(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    static String checkName(@Nullable String name) {
        if (name == null || !REPOSITORY_NAME.matcher(name).matches()) {
            throw ApiProblem.badRequest(
                    "invalid-repository-name",
                    "'repository' must be 1 to 200 letters, digits or . _ / @ : + - characters");
        }
        return name;
    }
}
