package dev.mcpstack.workflow.projects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpstack.common.problem.ApiProblem;
import dev.mcpstack.workflow.paging.Cursor;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Projects by id. Projects never change or disappear once created, so a positive cache in front of the table is
 * always correct, also with several replicas (a miss just reads the table); it makes resolving the project of
 * every entity and work-item request free.
 */
@Component
public class ProjectDirectory {

    private final ProjectRepository repository;
    private final Cache<UUID, Project> byId =
            Caffeine.newBuilder().maximumSize(10_000).build();

    ProjectDirectory(ProjectRepository repository) {
        this.repository = repository;
    }

    Mono<Project> create(String name, @Nullable String description) {
        return repository.insert(name, description).doOnNext(project -> byId.put(project.id(), project));
    }

    /** The project, or a 404 problem. */
    public Mono<Project> require(UUID id) {
        Project cached = byId.getIfPresent(id);
        if (cached != null) {
            return Mono.just(cached);
        }
        return repository
                .findById(id)
                .doOnNext(project -> byId.put(project.id(), project))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("project", id)));
    }

    Flux<Project> page(@Nullable Cursor after, int limit) {
        return repository.page(after, limit);
    }
}
