package dev.mcpstack.workflow.projects;

import dev.mcpstack.common.problem.ApiProblem;
import dev.mcpstack.common.validation.RequestValidator;
import dev.mcpstack.workflow.paging.Cursor;
import dev.mcpstack.workflow.paging.Limits;
import dev.mcpstack.workflow.paging.Slice;
import dev.mcpstack.workflow.web.Texts;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Projects and project switching, validated: the one path behind {@code /mcp/projects} and the MCP tools
 * {@code create_project}, {@code list_projects} and {@code switch_project}. The client is the {@code X-Client-Id}
 * header for REST and the MCP session for MCP.
 */
@Component
public class ProjectOperations {

    private final ProjectDirectory projects;
    private final ActiveProjects active;
    private final RequestValidator validator;

    ProjectOperations(ProjectDirectory projects, ActiveProjects active, RequestValidator validator) {
        this.projects = projects;
        this.active = active;
        this.validator = validator;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProjectPage(
            List<Project> projects, @Nullable String nextCursor) {}

    public Mono<Project> create(NewProject request) {
        validator.valid(request);
        Texts.requireStorable("name", request.name());
        Texts.requireStorable("description", request.description());
        return projects.create(request.name().strip(), request.description());
    }

    public Mono<ProjectPage> list(@Nullable Integer limit, @Nullable String cursor) {
        int size = Limits.pageSize(limit);
        return projects.page(Cursor.decodeOrNull(cursor), size + 1)
                .collectList()
                .map(rows -> Slice.of(rows, size, project -> Cursor.after(project.createdAt(), project.id())))
                .map(slice -> new ProjectPage(slice.items(), slice.nextCursor()));
    }

    public Mono<Project> get(UUID id) {
        return projects.require(id);
    }

    public Mono<Project> activeFor(String clientId) {
        return active.activeFor(clientId)
                .switchIfEmpty(Mono.error(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "no-active-project",
                        "client '" + clientId + "' has not activated a project")))
                .flatMap(activation -> projects.require(activation.activeProjectId()));
    }

    public Mono<Activation> activate(String clientId, UUID projectId) {
        return active.activate(clientId, projectId);
    }
}
