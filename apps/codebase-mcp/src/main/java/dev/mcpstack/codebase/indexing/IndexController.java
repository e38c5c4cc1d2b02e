package dev.mcpstack.codebase.indexing;

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

    /** DataBuffers the input stream may request ahead of the parser. */
    private static final int PREFETCH_BUFFERS = 16;

    private final RepositoryIndexer indexer;
    private final IndexProperties properties;
    private final DirectoryIndexing directories;

    IndexController(RepositoryIndexer indexer, IndexProperties properties, DirectoryIndexing directories) {
        this.indexer = indexer;
        this.properties = properties;
        this.directories = directories;
    }

    @PostMapping(
            path = "/mcp/index",
            consumes = {TAR, GZIP, X_GZIP})
    Mono<ResponseEntity<IndexResult>> indexArchive(
            @RequestParam("repository") String repository, ServerHttpRequest request) {
        String name = DirectoryIndexing.checkName(repository);
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
        return directories
                .index(request)
                .map(result -> ResponseEntity.status(HttpStatus.CREATED).body(result));
    }
}
