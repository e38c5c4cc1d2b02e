package dev.mcpstack.workflow.projects;

import dev.mcpstack.common.problem.ApiProblem;
import dev.mcpstack.workflow.paging.Cursor;
import dev.mcpstack.workflow.web.DataErrors;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class ProjectRepository {

    private static final String COLUMNS = "id, name, description, created_at";

    private final DatabaseClient db;

    ProjectRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Project> insert(String name, @Nullable String description) {
        UUID id = UUID.randomUUID();
        return db.sql("INSERT INTO projects (id, name, description) VALUES (:id, :name, :description) RETURNING "
                        + COLUMNS)
                .bind("id", id)
                .bind("name", name)
                .bind("description", Parameters.in(R2dbcType.VARCHAR, description))
                .map(ProjectRepository::project)
                .one()
                .onErrorMap(error -> "23505".equals(DataErrors.sqlState(error))
                        ? new ApiProblem(
                                HttpStatus.CONFLICT,
                                "project-name-taken",
                                "a project named '" + name + "' already exists")
                        : DataErrors.clientFaultAsProblem(error));
    }

    Mono<Project> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM projects WHERE id = :id")
                .bind("id", id)
                .map(ProjectRepository::project)
                .one();
    }

    Flux<Project> page(@Nullable Cursor after, int limit) {
        if (after == null) {
            return db.sql("SELECT " + COLUMNS + " FROM projects ORDER BY created_at, id LIMIT :limit")
                    .bind("limit", limit)
                    .map(ProjectRepository::project)
                    .all();
        }
        return db.sql("SELECT " + COLUMNS + " FROM projects WHERE (created_at, id) > (:createdAt, :id)"
                        + " ORDER BY created_at, id LIMIT :limit")
                .bind("createdAt", after.createdAt())
                .bind("id", after.id())
                .bind("limit", limit)
                .map(ProjectRepository::project)
                .all();
    }

    private static Project project(Readable row) {
        return new Project(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("description", String.class),
                row.get("created_at", Instant.class));
    }
}
