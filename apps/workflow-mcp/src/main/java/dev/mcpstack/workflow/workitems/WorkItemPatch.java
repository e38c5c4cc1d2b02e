package dev.mcpstack.workflow.workitems;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Fields left out (or null) keep their value; at least one must be given. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkItemPatch(
        @Nullable @Size(min = 1, max = WorkItemRules.MAX_TITLE_LENGTH) @Pattern(regexp = "(?s).*\\S.*")
        String title,

        @Nullable @Size(max = WorkItemRules.MAX_DESCRIPTION_LENGTH)
        String description,

        @Nullable String status) {}
