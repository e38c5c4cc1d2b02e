package dev.mcpstack.workflow.entities;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewEntity(
        @NotBlank @Size(max = EntityRules.MAX_TYPE_LENGTH) String entityType,
        @NotBlank @Size(max = EntityRules.MAX_NAME_LENGTH) String name,
        @NotNull JsonNode data,
        @Nullable @Size(max = EntityRules.MAX_TAGS) List<@NotBlank @Size(max = EntityRules.MAX_TAG_LENGTH) String> tags,
        @Nullable UUID projectId) {}
