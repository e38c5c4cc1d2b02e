package dev.mcpstack.workflow.projects;

import dev.mcpstack.common.problem.ApiProblem;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which project a request works in: the {@code project_id} it names (which must exist, else 404), otherwise the
 * calling client's active project, otherwise a 400 telling the caller what to do. Every entity and work-item
 * endpoint resolves its project here, so the rule is the same everywhere.
 */
@Component
public class CurrentProject {

    private final ProjectDirectory projects;
    private final ActiveProjects active;

    CurrentProject(ProjectDirectory projects, ActiveProjects active) {
        this.projects = projects;
        this.active = active;
    }

    public Mono<UUID> resolve(@Nullable UUID requestedProjectId, String clientId) {
        if (requestedProjectId != null) {
            return projects.require(requestedProjectId).map(Project::id);
        }
        return active.activeFor(clientId)
                .map(Activation::activeProjectId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.badRequest(
                        "no-active-project",
                        "no active project for client '" + clientId
                                + "'; activate one with POST /mcp/projects/{id}/activate or pass project_id")));
    }
}
