package dev.mcpstack.validator.kubernetes;

/** The cluster said no (RBAC), was not there, or refused what the validator was about to do. */
public class KubernetesAccessException extends RuntimeException {

    public KubernetesAccessException(String message) {
        super(message);
    }

    public KubernetesAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
