package dev.mcpstack.validator.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Benchmarked operations; the seed's four plus the health check that SPEC §8 adds. */
public enum OperationType {
    INDEX(ServerId.CODEBASE),
    SEARCH(ServerId.CODEBASE),
    PROJECT_SWITCH(ServerId.WORKFLOW),
    ENTITY_QUERY(ServerId.WORKFLOW),
    HEALTH(ServerId.CODEBASE);

    private final ServerId defaultServer;

    OperationType(ServerId defaultServer) {
        this.defaultServer = defaultServer;
    }

    public ServerId defaultServer() {
        return defaultServer;
    }

    /** Health is gated on p99 (SPEC §8), every other operation on p95. */
    public boolean gatedOnP99() {
        return this == HEALTH;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OperationType parse(String value) {
        return Arrays.stream(values())
                .filter(op ->
                        op.wireName().equals(value.toLowerCase(Locale.ROOT).replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown operation_type '" + value + "'"));
    }
}
