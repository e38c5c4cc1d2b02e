package dev.mcpstack.workflow.entities;

import dev.mcpstack.common.validation.RequestValidator;
import dev.mcpstack.workflow.paging.Cursor;
import dev.mcpstack.workflow.paging.Limits;
import dev.mcpstack.workflow.paging.Slice;
import dev.mcpstack.workflow.projects.CurrentProject;
import dev.mcpstack.workflow.web.Texts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Entities of the current project, validated: the one path behind {@code /mcp/entities} and the MCP tools
 * {@code create_entity} and {@code query_entities}.
 */
@Component
public class EntityOperations {

    private final EntityRepository entities;
    private final CurrentProject currentProject;
    private final RequestValidator validator;
    private final Timer queryLatency;

    EntityOperations(
            EntityRepository entities,
            CurrentProject currentProject,
            RequestValidator validator,
            MeterRegistry meters) {
        this.entities = entities;
        this.currentProject = currentProject;
        this.validator = validator;
        this.queryLatency = Timer.builder("workflow_mcp.entity_query.latency")
                .description("Time to answer an entity query, project resolution included")
                .publishPercentileHistogram()
                .register(meters);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EntityPage(
            List<Entity> entities, @Nullable String nextCursor) {}

    public Mono<Entity> create(NewEntity request, String clientId) {
        validator.valid(request);
        Texts.requireStorable("entity_type", request.entityType());
        Texts.requireStorable("name", request.name());
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        Texts.requireStorable("tags", tags);
        String data = EntityRules.storableObject("data", request.data());
        return currentProject
                .resolve(request.projectId(), clientId)
                .flatMap(project -> entities.insert(project, request.entityType(), request.name(), data, tags));
    }

    public Mono<EntityPage> query(EntityQuery request, String clientId) {
        validator.valid(request);
        int limit = Limits.pageSize(request.limit());
        Cursor after = Cursor.decodeOrNull(request.cursor());
        Texts.requireStorable("entity_type", request.entityType());
        Texts.requireStorable("name_prefix", request.namePrefix());
        Texts.requireStorable("tags_any", request.tagsAny());
        String dataContains = request.dataContains() == null
                ? null
                : EntityRules.storableObject("data_contains", request.dataContains());
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start();
            return currentProject
                    .resolve(request.projectId(), clientId)
                    .flatMap(project -> entities.find(new EntityRepository.Filter(
                                    project,
                                    request.entityType(),
                                    request.tagsAny(),
                                    dataContains,
                                    request.namePrefix(),
                                    after,
                                    limit + 1))
                            .collectList())
                    .map(rows -> Slice.of(rows, limit, entity -> Cursor.after(entity.createdAt(), entity.id())))
                    .map(slice -> new EntityPage(slice.items(), slice.nextCursor()))
                    .doFinally(signal -> sample.stop(queryLatency));
        });
    }
}
