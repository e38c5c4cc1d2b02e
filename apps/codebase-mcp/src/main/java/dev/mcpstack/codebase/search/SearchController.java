package dev.mcpstack.codebase.search;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /mcp/search}; the validation and the search are {@link CodeSearch}'s, shared with the MCP tool. */
@RestController
class SearchController {

    private final CodeSearch search;

    SearchController(CodeSearch search) {
        this.search = search;
    }

    @PostMapping("/mcp/search")
    Mono<SearchResponse> search(@RequestBody SearchRequest request) {
        return search.search(request);
    }
}
