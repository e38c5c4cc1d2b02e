package dev.mcpstack.workflow.workitems;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** References are read as strings so a malformed one gets a 400 that names it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewWorkItem(
        @NotBlank @Size(max = WorkItemRules.MAX_TITLE_LENGTH)
        String title,

        @Nullable @Size(max = WorkItemRules.MAX_DESCRIPTION_LENGTH)
        String description,

        @Nullable String status,
        @Nullable @Size(max = WorkItemRules.MAX_REFERENCES) List<@NotNull String> entityReferences,
        @Nullable UUID projectId) {}
