package dev.mcpstack.workflow.projects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewProject(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) @Nullable String description) {}
