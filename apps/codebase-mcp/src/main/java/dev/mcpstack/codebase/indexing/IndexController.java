package dev.mcpstack.codebase.indexing;

import dev.mcpstack.common.problem.ApiProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code POST /mcp/index}: an uploaded tar / tar.gz stream, or a directory on the server under an allowed root. */
@RestController
class IndexController {

    static final String TAR = "application/x-tar";
    static final String GZIP = "application/gzip";
    static final String X_GZIP = "application/x-gzip";

    private static final Pattern REPOSITORY_NAME = Pattern.compile("[\\p{L}\\p{N}._/@:+-]{1,200}");
    /** DataBuffers the input stream may request ahead of the parser. */
    private static final int PREFETCH_BUFFERS = 16;

    private final RepositoryIndexer indexer;
    private final IndexProperties properties;

    IndexController(RepositoryIndexer indexer, IndexProperties properties) {
        this.indexer = indexer;
        this.properties = properties;
    }

    @PostMapping(
            path = "/mcp/index",
            consumes = {TAR, GZIP, X_GZIP})
    Mono<ResponseEntity<IndexResult>> indexArchive(
            @RequestParam("repository") String repository, ServerHttpRequest request) {
        String name = checkName(repository);
        MediaType type = request.getHeaders().getContentType();
        boolean gzip = type != null && !type.getSubtype().equals("x-tar");
        Flux<DataBuffer> body = request.getBody();
        return indexer.index(
                        name,
                        () -> new TarSourceEntries(
                                DataBufferUtils.subscriberInputStream(body, PREFETCH_BUFFERS), gzip, properties))
                .map(result -> ResponseEntity.status(HttpStatus.CREATED).body(result));
    }

    @PostMapping(path = "/mcp/index", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<IndexResult>> indexDirectory(@RequestBody IndexPathRequest request) {
        String name = checkName(request.repository());
        Path directory = allowedDirectory(request.path());
        return indexer.index(name, () -> new DirectorySourceEntries(directory, properties))
                .map(result -> ResponseEntity.status(HttpStatus.CREATED).body(result));
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

    private static String checkName(@Nullable String name) {
        if (name == null || !REPOSITORY_NAME.matcher(name).matches()) {
            throw ApiProblem.badRequest(
                    "invalid-repository-name",
                    "'repository' must be 1 to 200 letters, digits or . _ / @ : + - characters");
        }
        return name;
    }

    record IndexPathRequest(@Nullable String path, @Nullable String repository) {}
}
