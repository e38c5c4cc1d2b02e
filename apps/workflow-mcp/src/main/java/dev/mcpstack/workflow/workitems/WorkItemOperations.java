package dev.mcpstack.workflow.workitems;

import dev.mcpstack.common.problem.ApiProblem;
import dev.mcpstack.common.validation.RequestValidator;
import dev.mcpstack.workflow.codebase.ReferenceCheck;
import dev.mcpstack.workflow.paging.Cursor;
import dev.mcpstack.workflow.paging.Limits;
import dev.mcpstack.workflow.paging.Slice;
import dev.mcpstack.workflow.projects.CurrentProject;
import dev.mcpstack.workflow.web.Texts;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Work items of the current project (see {@link CurrentProject}), validated: the one path behind
 * {@code /mcp/work_items} and the MCP work-item tools. Single-item responses check the references
 * against codebase-mcp; that check never fails the request (see {@link ReferenceCheck}).
 */
@Component
public class WorkItemOperations {

    private final WorkItemRepository workItems;
    private final CurrentProject currentProject;
    private final ReferenceCheck referenceCheck;
    private final RequestValidator validator;

    WorkItemOperations(
            WorkItemRepository workItems,
            CurrentProject currentProject,
            ReferenceCheck referenceCheck,
            RequestValidator validator) {
        this.workItems = workItems;
        this.validator = validator;
        this.currentProject = currentProject;
        this.referenceCheck = referenceCheck;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WorkItemPage(
            List<WorkItem> workItems, @Nullable String nextCursor) {}

    public Mono<WorkItemView> create(NewWorkItem request, String clientId) {
        validator.valid(request);
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

    public Mono<WorkItemView> get(UUID id, @Nullable UUID projectId, String clientId) {
        return currentProject
                .resolve(projectId, clientId)
                .flatMap(project -> workItems.find(project, id))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("work item", id)))
                .flatMap(this::withReferenceReport);
    }

    public Mono<WorkItemView> update(UUID id, WorkItemPatch patch, @Nullable UUID projectId, String clientId) {
        validator.valid(patch);
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

    public Mono<WorkItemPage> list(
            @Nullable String status,
            @Nullable Integer limit,
            @Nullable String cursor,
            @Nullable UUID projectId,
            String clientId) {
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
