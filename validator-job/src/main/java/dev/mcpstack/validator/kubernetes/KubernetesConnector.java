package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.stereotype.Component;

/**
 * Opens a client the way kubectl would: in a pod from the service account (token, CA and the namespace file), on a
 * workstation from the kubeconfig's current context. Tests hand the commands a mock server's client instead.
 */
@FunctionalInterface
public interface KubernetesConnector {

    KubernetesClient connect();

    @Component
    class FromEnvironment implements KubernetesConnector {
        @Override
        public KubernetesClient connect() {
            return new KubernetesClientBuilder().build();
        }
    }
}
