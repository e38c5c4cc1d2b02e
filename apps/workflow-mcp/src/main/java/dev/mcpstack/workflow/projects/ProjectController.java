package dev.mcpstack.workflow.projects;

import dev.mcpstack.workflow.web.ClientIds;
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

/** {@code /mcp/projects}: HTTP mapping only; validation and the work are {@link ProjectOperations}'. */
@RestController
@RequestMapping("/mcp/projects")
class ProjectController {

    private final ProjectOperations operations;

    ProjectController(ProjectOperations operations) {
        this.operations = operations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Project> create(@RequestBody NewProject request) {
        return operations.create(request);
    }

    @GetMapping
    Mono<ProjectOperations.ProjectPage> list(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return operations.list(limit, cursor);
    }

    @GetMapping("/active")
    Mono<Project> active(@RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        return operations.activeFor(ClientIds.of(clientHeader));
    }

    @GetMapping("/{id}")
    Mono<Project> get(@PathVariable UUID id) {
        return operations.get(id);
    }

    @PostMapping("/{id}/activate")
    Mono<Activation> activate(
            @PathVariable UUID id,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        return operations.activate(ClientIds.of(clientHeader), id);
    }
}
