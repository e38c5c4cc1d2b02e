package dev.mcpstack.workflow.projects;

import dev.mcpstack.common.problem.ApiProblem;
import dev.mcpstack.workflow.paging.Cursor;
import dev.mcpstack.workflow.paging.Limits;
import dev.mcpstack.workflow.paging.Slice;
import dev.mcpstack.workflow.web.ClientIds;
import dev.mcpstack.workflow.web.Texts;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
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

@RestController
@RequestMapping("/mcp/projects")
class ProjectController {

    private final ProjectDirectory projects;
    private final ActiveProjects active;

    ProjectController(ProjectDirectory projects, ActiveProjects active) {
        this.projects = projects;
        this.active = active;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProjectPage(List<Project> projects, @Nullable String nextCursor) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Project> create(@Valid @RequestBody NewProject request) {
        Texts.requireStorable("name", request.name());
        Texts.requireStorable("description", request.description());
        return projects.create(request.name().strip(), request.description());
    }

    @GetMapping
    Mono<ProjectPage> list(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Limits.pageSize(limit);
        return projects.page(Cursor.decodeOrNull(cursor), size + 1)
                .collectList()
                .map(rows -> Slice.of(rows, size, project -> Cursor.after(project.createdAt(), project.id())))
                .map(slice -> new ProjectPage(slice.items(), slice.nextCursor()));
    }

    @GetMapping("/active")
    Mono<Project> active(@RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        String clientId = ClientIds.of(clientHeader);
        return active.activeFor(clientId)
                .switchIfEmpty(Mono.error(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "no-active-project",
                        "client '" + clientId + "' has not activated a project")))
                .flatMap(activation -> projects.require(activation.activeProjectId()));
    }

    @GetMapping("/{id}")
    Mono<Project> get(@PathVariable UUID id) {
        return projects.require(id);
    }

    @PostMapping("/{id}/activate")
    Mono<Activation> activate(
            @PathVariable UUID id,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        return active.activate(ClientIds.of(clientHeader), id);
    }
}
