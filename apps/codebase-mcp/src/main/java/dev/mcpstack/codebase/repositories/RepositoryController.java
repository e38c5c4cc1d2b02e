package dev.mcpstack.codebase.repositories;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /mcp/repositories} and {@code DELETE /mcp/repositories/{id}}, answered by {@link RepositoryCatalog}. */
@RestController
class RepositoryController {

    private final RepositoryCatalog catalog;

    RepositoryController(RepositoryCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/mcp/repositories")
    Mono<RepositoryCatalog.RepositoryList> list() {
        return catalog.list();
    }

    @DeleteMapping("/mcp/repositories/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return catalog.delete(id).map(deleted -> ResponseEntity.noContent().build());
    }
}
