package dev.mcpstack.validator.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The faults of SPEC §6's ResilienceCheckResult; a killed instance is a process locally and a pod in a cluster. */
public enum FaultKind {
    PROCESS_KILL,
    POD_KILL,
    GRACEFUL_STOP,
    DATABASE_OUTAGE,
    DEPENDENCY_DOWN,
    POOL_EXHAUSTION,
    STALE_REFERENCE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FaultKind parse(String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + value + "'"));
    }

    @Override
    public String toString() {
        return wireName();
    }
}
