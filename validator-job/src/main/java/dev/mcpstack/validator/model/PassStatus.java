package dev.mcpstack.validator.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Verdict of one check, ordered from best to worst so the worst of several is their maximum. */
public enum PassStatus {
    PASS,
    WARNING,
    FAIL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public PassStatus worst(PassStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
