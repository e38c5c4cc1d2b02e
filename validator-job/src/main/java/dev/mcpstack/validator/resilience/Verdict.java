package dev.mcpstack.validator.resilience;

import dev.mcpstack.validator.model.PassStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a check's figures and the requirements it missed; failed if any requirement was missed. */
final class Verdict {

    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private boolean failed;
    private boolean warned;

    Verdict require(boolean met, String otherwise) {
        if (!met) {
            failed = true;
            notes.add(otherwise);
        }
        return this;
    }

    Verdict warnUnless(boolean met, String otherwise) {
        if (!met) {
            warned = true;
            notes.add(otherwise);
        }
        return this;
    }

    Verdict detail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    PassStatus status() {
        return failed ? PassStatus.FAIL : warned ? PassStatus.WARNING : PassStatus.PASS;
    }

    Map<String, Object> details() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    List<String> notes() {
        return List.copyOf(notes);
    }
}
