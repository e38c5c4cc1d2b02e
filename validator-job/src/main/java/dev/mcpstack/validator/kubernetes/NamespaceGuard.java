package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * SPEC §6's safety rule, checked before every fault: act only in a namespace the validator was given
 * ({@code --allow-namespace}, its own by default) and only on objects carrying the chart's labels of the release.
 */
public final class NamespaceGuard {

    private final String ownNamespace;
    private final Set<String> allowed;

    public NamespaceGuard(String ownNamespace, Set<String> allowNamespaces) {
        this.ownNamespace = ownNamespace;
        this.allowed = new TreeSet<>(allowNamespaces.isEmpty() ? Set.of(ownNamespace) : allowNamespaces);
    }

    /** Why faults may not run in {@code namespace}, or empty when they may. */
    public Optional<String> refusal(String namespace) {
        if (allowed.contains(namespace)) {
            return Optional.empty();
        }
        return Optional.of("refused: namespace '" + namespace + "' is not allowed for faults (allowed: " + allowed
                + (allowed.equals(Set.of(ownNamespace)) ? ", the validator's own namespace" : "")
                + "); give it with --allow-namespace " + namespace + " to run resilience checks there."
                + " Nothing was touched");
    }

    /** Throws before touching {@code target} unless its namespace is allowed and it carries the chart's labels. */
    public void check(HasMetadata target, String release, String component) {
        String namespace = target.getMetadata().getNamespace();
        refusal(namespace).ifPresent(reason -> {
            throw new KubernetesAccessException(reason);
        });
        Map<String, String> labels = target.getMetadata().getLabels();
        if (labels == null || !ChartLabels.carries(labels, release, component)) {
            throw new KubernetesAccessException("refused: " + target.getKind() + " "
                    + target.getMetadata().getName() + " does not carry the chart's labels "
                    + ChartLabels.selector(release, component) + "; nothing was touched");
        }
    }

    public Set<String> allowed() {
        return Set.copyOf(allowed);
    }
}
