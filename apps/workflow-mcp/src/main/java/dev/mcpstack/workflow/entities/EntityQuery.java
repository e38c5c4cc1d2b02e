package dev.mcpstack.workflow.entities;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** All filters are optional and combine with AND; {@code tags_any} matches entities with at least one tag. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EntityQuery(
        @Nullable @Size(max = EntityRules.MAX_TYPE_LENGTH) String entityType,

        @Nullable @Size(max = EntityRules.MAX_TAGS)
        List<@NotNull @Size(max = EntityRules.MAX_TAG_LENGTH) String> tagsAny,

        @Nullable JsonNode dataContains,
        @Nullable @Size(max = EntityRules.MAX_NAME_LENGTH) String namePrefix,
        @Nullable Integer limit,
        @Nullable @Size(max = 128) String cursor,
        @Nullable UUID projectId) {}
