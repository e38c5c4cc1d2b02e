package dev.mcpstack.workflow.entities;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A typed entity; {@code data} is the JSON text PostgreSQL returns for the jsonb column, written out as is. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Entity(
        UUID id,
        UUID projectId,
        String entityType,
        String name,
        @JsonRawValue String data,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt) {}
