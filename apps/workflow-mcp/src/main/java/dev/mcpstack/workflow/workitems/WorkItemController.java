package dev.mcpstack.workflow.workitems;

import dev.mcpstack.workflow.web.ClientIds;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /mcp/work_items}: HTTP mapping only; validation and the work are {@link WorkItemOperations}'. */
@RestController
@RequestMapping("/mcp/work_items")
class WorkItemController {

    private final WorkItemOperations operations;

    WorkItemController(WorkItemOperations operations) {
        this.operations = operations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WorkItemView> create(
            @RequestBody NewWorkItem request,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        return operations.create(request, ClientIds.of(clientHeader));
    }

    @GetMapping("/{id}")
    Mono<WorkItemView> get(
            @PathVariable UUID id,
            @RequestParam(name = "project_id", required = false) @Nullable UUID projectId,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        return operations.get(id, projectId, ClientIds.of(clientHeader));
    }

    @PatchMapping("/{id}")
    Mono<WorkItemView> update(
            @PathVariable UUID id,
            @RequestBody WorkItemPatch patch,
            @RequestParam(name = "project_id", required = false) @Nullable UUID projectId,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        return operations.update(id, patch, projectId, ClientIds.of(clientHeader));
    }

    @GetMapping
    Mono<WorkItemOperations.WorkItemPage> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(name = "project_id", required = false) @Nullable UUID projectId,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        return operations.list(status, limit, cursor, projectId, ClientIds.of(clientHeader));
    }
}
