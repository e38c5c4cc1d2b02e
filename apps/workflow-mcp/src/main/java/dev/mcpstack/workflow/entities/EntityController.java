package dev.mcpstack.workflow.entities;

import dev.mcpstack.workflow.web.ClientIds;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /mcp/entities}: HTTP mapping only; validation and the work are {@link EntityOperations}'. */
@RestController
@RequestMapping("/mcp/entities")
class EntityController {

    private final EntityOperations operations;

    EntityController(EntityOperations operations) {
        this.operations = operations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Entity> create(
            @RequestBody NewEntity request,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        return operations.create(request, ClientIds.of(clientHeader));
    }

    @PostMapping("/query")
    Mono<EntityOperations.EntityPage> query(
            @RequestBody EntityQuery request,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        return operations.query(request, ClientIds.of(clientHeader));
    }
}
