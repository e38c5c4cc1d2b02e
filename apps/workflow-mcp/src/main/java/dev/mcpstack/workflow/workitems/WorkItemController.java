package dev.mcpstack.workflow.workitems;

import dev.mcpstack.common.problem.ApiProblem;
import dev.mcpstack.workflow.codebase.ReferenceCheck;
import dev.mcpstack.workflow.paging.Cursor;
import dev.mcpstack.workflow.paging.Limits;
import dev.mcpstack.workflow.paging.Slice;
import dev.mcpstack.workflow.projects.CurrentProject;
import dev.mcpstack.workflow.web.ClientIds;
import dev.mcpstack.workflow.web.Texts;
import jakarta.validation.Valid;
import java.util.List;
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
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Work items of the current project (see {@link CurrentProject}). Single-item responses check the references
 * against codebase-mcp; that check never fails the request (see {@link ReferenceCheck}).
 */
@RestController
@RequestMapping("/mcp/work_items")
class WorkItemController {

    private final WorkItemRepository workItems;
    private final CurrentProject currentProject;
    private final ReferenceCheck referenceCheck;

    WorkItemController(WorkItemRepository workItems, CurrentProject currentProject, ReferenceCheck referenceCheck) {
        this.workItems = workItems;
        this.currentProject = currentProject;
        this.referenceCheck = referenceCheck;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WorkItemPage(List<WorkItem> workItems, @Nullable String nextCursor) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WorkItemView> create(
            @Valid @RequestBody NewWorkItem request,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        String clientId = ClientIds.of(clientHeader);
        Texts.requireStorable("title", request.title());
        Texts.requireStorable("description", request.description());
        String status = WorkItemStatus.validOrNull(request.status());
        List<UUID> references = WorkItemRules.references(request.entityReferences());
        // the check runs while the row is written: it never fails, and a failed insert cancels it
        return currentProject
                .resolve(request.projectId(), clientId)
                .flatMap(project -> Mono.zip(
                        workItems.insert(
                                project,
                                request.title(),
                                request.description(),
                                status == null ? WorkItemStatus.OPEN : status,
                                references),
                        referenceCheck.check(references),
                        WorkItemView::of));
    }

    @GetMapping("/{id}")
    Mono<WorkItemView> get(
            @PathVariable UUID id,
            @RequestParam(name = "project_id", required = false) @Nullable UUID projectId,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        return currentProject
                .resolve(projectId, ClientIds.of(clientHeader))
                .flatMap(project -> workItems.find(project, id))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("work item", id)))
                .flatMap(this::withReferenceReport);
    }

    @PatchMapping("/{id}")
    Mono<WorkItemView> update(
            @PathVariable UUID id,
            @Valid @RequestBody WorkItemPatch patch,
            @RequestParam(name = "project_id", required = false) @Nullable UUID projectId,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        String clientId = ClientIds.of(clientHeader);
        if (patch.title() == null && patch.description() == null && patch.status() == null) {
            throw ApiProblem.badRequest("empty-update", "give at least one of title, description, status");
        }
        Texts.requireStorable("title", patch.title());
        Texts.requireStorable("description", patch.description());
        String status = WorkItemStatus.validOrNull(patch.status());
        return currentProject
                .resolve(projectId, clientId)
                .flatMap(project -> workItems.update(project, id, patch.title(), patch.description(), status))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("work item", id)))
                .flatMap(this::withReferenceReport);
    }

    @GetMapping
    Mono<WorkItemPage> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(name = "project_id", required = false) @Nullable UUID projectId,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        String clientId = ClientIds.of(clientHeader);
        String validStatus = WorkItemStatus.validOrNull(status == null || status.isEmpty() ? null : status);
        int size = Limits.pageSize(limit);
        Cursor after = Cursor.decodeOrNull(cursor);
        return currentProject
                .resolve(projectId, clientId)
                .flatMap(project ->
                        workItems.page(project, validStatus, after, size + 1).collectList())
                .map(rows -> Slice.of(rows, size, item -> Cursor.after(item.createdAt(), item.id())))
                .map(slice -> new WorkItemPage(slice.items(), slice.nextCursor()));
    }

    private Mono<WorkItemView> withReferenceReport(WorkItem item) {
        return referenceCheck.check(item.entityReferences()).map(report -> WorkItemView.of(item, report));
    }
}
