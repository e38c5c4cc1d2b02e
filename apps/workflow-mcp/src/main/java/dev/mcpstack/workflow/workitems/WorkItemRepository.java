package dev.mcpstack.workflow.workitems;

import dev.mcpstack.workflow.paging.Cursor;
import dev.mcpstack.workflow.web.DataErrors;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every statement filters on project_id as well as id: a work item of another project simply is not found. */
@Repository
class WorkItemRepository {

    private static final String COLUMNS =
            "id, project_id, title, description, status, entity_references, created_at, updated_at";

    private final DatabaseClient db;

    WorkItemRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<WorkItem> insert(
            UUID projectId, String title, @Nullable String description, String status, List<UUID> references) {
        return db.sql("INSERT INTO work_items (id, project_id, title, description, status, entity_references)"
                        + " VALUES (:id, :project, :title, :description, :status, :references) RETURNING " + COLUMNS)
                .bind("id", UUID.randomUUID())
                .bind("project", projectId)
                .bind("title", title)
                .bind("description", Parameters.in(R2dbcType.VARCHAR, description))
                .bind("status", status)
                .bind("references", references.toArray(UUID[]::new))
                .map(WorkItemRepository::workItem)
                .one()
                .onErrorMap(DataErrors::clientFaultAsProblem);
    }

    Mono<WorkItem> find(UUID projectId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM work_items WHERE id = :id AND project_id = :project")
                .bind("id", id)
                .bind("project", projectId)
                .map(WorkItemRepository::workItem)
                .one();
    }

    Mono<WorkItem> update(
            UUID projectId, UUID id, @Nullable String title, @Nullable String description, @Nullable String status) {
        return db.sql("UPDATE work_items SET title = COALESCE(:title, title),"
                        + " description = COALESCE(:description, description),"
                        + " status = COALESCE(:status, status), updated_at = clock_timestamp()"
                        + " WHERE id = :id AND project_id = :project RETURNING " + COLUMNS)
                .bind("title", Parameters.in(R2dbcType.VARCHAR, title))
                .bind("description", Parameters.in(R2dbcType.VARCHAR, description))
                .bind("status", Parameters.in(R2dbcType.VARCHAR, status))
                .bind("id", id)
                .bind("project", projectId)
                .map(WorkItemRepository::workItem)
                .one()
                .onErrorMap(DataErrors::clientFaultAsProblem);
    }

    Flux<WorkItem> page(UUID projectId, @Nullable String status, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM work_items WHERE project_id = :project");
        if (status != null) {
            sql.append(" AND status = :status");
        }
        if (after != null) {
            sql.append(" AND (created_at, id) > (:afterCreatedAt, :afterId)");
        }
        sql.append(" ORDER BY created_at, id LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec =
                db.sql(sql.toString()).bind("project", projectId).bind("limit", limit);
        if (status != null) {
            spec = spec.bind("status", status);
        }
        if (after != null) {
            spec = spec.bind("afterCreatedAt", after.createdAt()).bind("afterId", after.id());
        }
        return spec.map(WorkItemRepository::workItem).all();
    }

    private static WorkItem workItem(Readable row) {
        UUID[] references = row.get("entity_references", UUID[].class);
        return new WorkItem(
                row.get("id", UUID.class),
                row.get("project_id", UUID.class),
                row.get("title", String.class),
                row.get("description", String.class),
                row.get("status", String.class),
                references == null ? List.of() : Arrays.asList(references),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
