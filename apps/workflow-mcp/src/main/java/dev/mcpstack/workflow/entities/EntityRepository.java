package dev.mcpstack.workflow.entities;

import dev.mcpstack.workflow.paging.Cursor;
import dev.mcpstack.workflow.web.DataErrors;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class EntityRepository {

    /** {@link #entity} reads these by position, in this order. */
    private static final String COLUMNS =
            "id, project_id, entity_type, name, data::text AS data, tags, created_at, updated_at";
    /** U+10FFFF sorts after every other character in the C collation, so [p, p + this) holds every name with prefix p. */
    private static final String MAX_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final DatabaseClient db;

    EntityRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A validated query: the project is resolved, the JSON filter serialised, the cursor decoded. */
    record Filter(
            UUID projectId,
            @Nullable String entityType,
            @Nullable List<String> tagsAny,
            @Nullable String dataContainsJson,
            @Nullable String namePrefix,
            @Nullable Cursor after,
            int limit) {}

    Mono<Entity> insert(UUID projectId, String entityType, String name, String dataJson, List<String> tags) {
        return db.sql("INSERT INTO entities (id, project_id, entity_type, name, data, tags)"
                        + " VALUES (:id, :project, :type, :name, :data, :tags::text[]) RETURNING " + COLUMNS)
                .bind("id", UUID.randomUUID())
                .bind("project", projectId)
                .bind("type", entityType)
                .bind("name", name)
                .bind("data", Json.of(dataJson))
                .bind("tags", tags.toArray(String[]::new))
                .map(EntityRepository::entity)
                .one()
                .onErrorMap(DataErrors::clientFaultAsProblem);
    }

    /** Keyset page in (created_at, id) order; every filter is a bind parameter, so plans are reused. */
    Flux<Entity> find(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM entities WHERE project_id = :project");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("project", filter.projectId());
        if (filter.entityType() != null) {
            sql.append(" AND entity_type = :type");
            binds.put("type", filter.entityType());
        }
        if (filter.tagsAny() != null && !filter.tagsAny().isEmpty()) {
            sql.append(" AND tags && :tags::text[]");
            binds.put("tags", filter.tagsAny().toArray(String[]::new));
        }
        if (filter.dataContainsJson() != null) {
            sql.append(" AND data @> :data");
            binds.put("data", Json.of(filter.dataContainsJson()));
        }
        if (filter.namePrefix() != null && !filter.namePrefix().isEmpty()) {
            sql.append(" AND name >= :prefix AND name < :prefixEnd AND starts_with(name, :prefix)");
            binds.put("prefix", filter.namePrefix());
            binds.put("prefixEnd", filter.namePrefix() + MAX_CHARACTER);
        }
        if (filter.after() != null) {
            sql.append(" AND (created_at, id) > (:afterCreatedAt, :afterId)");
            binds.put("afterCreatedAt", filter.after().createdAt());
            binds.put("afterId", filter.after().id());
        }
        sql.append(" ORDER BY created_at, id LIMIT :limit");
        binds.put("limit", filter.limit());
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(EntityRepository::entity).all().onErrorMap(DataErrors::clientFaultAsProblem);
    }

    /** By position: a lookup by name lower-cases and hashes it per column and row (1 % of an entity query). */
    private static Entity entity(Readable row) {
        String[] tags = row.get(5, String[].class);
        return new Entity(
                row.get(0, UUID.class),
                row.get(1, UUID.class),
                row.get(2, String.class),
                row.get(3, String.class),
                row.get(4, String.class),
                tags == null ? List.of() : Arrays.asList(tags),
                row.get(6, Instant.class),
                row.get(7, Instant.class));
    }
}
