package dev.mcpstack.workflow.entities;

import dev.mcpstack.workflow.paging.Cursor;
import dev.mcpstack.workflow.paging.Limits;
import dev.mcpstack.workflow.paging.Slice;
import dev.mcpstack.workflow.projects.CurrentProject;
import dev.mcpstack.workflow.web.ClientIds;
import dev.mcpstack.workflow.web.Texts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@RestController
@RequestMapping("/mcp/entities")
class EntityController {

    private final EntityRepository entities;
    private final CurrentProject currentProject;
    private final Timer queryLatency;

    EntityController(EntityRepository entities, CurrentProject currentProject, MeterRegistry meters) {
        this.entities = entities;
        this.currentProject = currentProject;
        this.queryLatency = Timer.builder("workflow_mcp.entity_query.latency")
                .description("Time to answer an entity query, project resolution included")
                .publishPercentileHistogram()
                .register(meters);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EntityPage(List<Entity> entities, @Nullable String nextCursor) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Entity> create(
            @Valid @RequestBody NewEntity request,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        String clientId = ClientIds.of(clientHeader);
        Texts.requireStorable("entity_type", request.entityType());
        Texts.requireStorable("name", request.name());
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        Texts.requireStorable("tags", tags);
        String data = EntityRules.storableObject("data", request.data());
        return currentProject
                .resolve(request.projectId(), clientId)
                .flatMap(project -> entities.insert(project, request.entityType(), request.name(), data, tags));
    }

    @PostMapping("/query")
    Mono<EntityPage> query(
            @Valid @RequestBody EntityQuery request,
            @RequestHeader(name = ClientIds.HEADER, required = false) @Nullable String clientHeader) {
        String clientId = ClientIds.of(clientHeader);
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
