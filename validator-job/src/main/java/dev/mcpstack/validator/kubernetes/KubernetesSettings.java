package dev.mcpstack.validator.kubernetes;

import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code run --target kubernetes}'s options: the Helm release, the namespace to validate (null: the validator's own,
 * from the service-account file or the kubeconfig context), where faults are allowed (empty: the own namespace
 * only), how long a start or a recovery may take, and how many report ConfigMaps to keep.
 */
public record KubernetesSettings(
        String release,
        @Nullable String namespace,
        Set<String> allowNamespaces,
        Duration startupTimeout,
        Duration faultTimeout,
        int reportsToKeep) {

    public static final String DEFAULT_RELEASE = "mcp-stack";

    public KubernetesSettings {
        allowNamespaces = Set.copyOf(allowNamespaces);
        if (reportsToKeep < 1) {
            throw new IllegalArgumentException("reports to keep must be >= 1, was " + reportsToKeep);
        }
    }
}
