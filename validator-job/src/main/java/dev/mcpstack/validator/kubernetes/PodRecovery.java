package dev.mcpstack.validator.kubernetes;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One pod replaced after a fault, as krkn records it: the pod deleted, its replacement, and when the replacement was
 * first seen scheduled and ready (times observed by the validator's informer, in ms after the delete).
 */
public record PodRecovery(
        String component,
        String fault,
        String deletedPod,
        Instant deletedAt,
        @Nullable String replacementPod,
        @Nullable Instant scheduledAt,
        @Nullable Instant readyAt) {

    PodRecovery scheduled(String pod, Instant at) {
        return replacementPod != null ? this : new PodRecovery(component, fault, deletedPod, deletedAt, pod, at, null);
    }

    PodRecovery ready(Instant at) {
        return new PodRecovery(component, fault, deletedPod, deletedAt, replacementPod, scheduledAt, at);
    }

    public boolean complete() {
        return readyAt != null;
    }

    public @Nullable Long scheduledMs() {
        return scheduledAt == null
                ? null
                : Duration.between(deletedAt, scheduledAt).toMillis();
    }

    public @Nullable Long readyMs() {
        return readyAt == null ? null : Duration.between(deletedAt, readyAt).toMillis();
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s %s: pod %s deleted at %s -> replacement %s scheduled %s -> ready %s",
                component,
                fault,
                deletedPod,
                deletedAt,
                replacementPod == null ? "(none seen)" : replacementPod,
                scheduledAt == null ? "(not seen)" : "+" + scheduledMs() + " ms",
                readyAt == null ? "(not seen)" : "+" + readyMs() + " ms");
    }
}
