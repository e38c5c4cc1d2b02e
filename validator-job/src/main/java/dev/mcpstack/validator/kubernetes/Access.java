package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every Kubernetes API verb the validator uses, in one place: each call site names its constant, so this enum is the
 * RBAC the code needs. {@link Scope#RUN} is what the chart's Role must grant the validator's ServiceAccount (a test
 * renders the chart and compares); {@link Scope#LAUNCH} is what a workstation user needs for {@code launch}.
 */
public enum Access {
    GET_PODS(Scope.RUN, "", "pods", "get"),
    LIST_PODS(Scope.RUN, "", "pods", "list"),
    WATCH_PODS(Scope.RUN, "", "pods", "watch"),
    DELETE_PODS(Scope.RUN, "", "pods", "delete"),
    GET_POD_LOG(Scope.RUN, "", "pods/log", "get"),
    GET_DEPLOYMENTS(Scope.RUN, "apps", "deployments", "get"),
    LIST_DEPLOYMENTS(Scope.RUN, "apps", "deployments", "list"),
    WATCH_DEPLOYMENTS(Scope.RUN, "apps", "deployments", "watch"),
    PATCH_DEPLOYMENTS(Scope.RUN, "apps", "deployments", "patch"),
    GET_STATEFULSETS(Scope.RUN, "apps", "statefulsets", "get"),
    LIST_STATEFULSETS(Scope.RUN, "apps", "statefulsets", "list"),
    WATCH_STATEFULSETS(Scope.RUN, "apps", "statefulsets", "watch"),
    PATCH_STATEFULSETS(Scope.RUN, "apps", "statefulsets", "patch"),
    GET_SERVICES(Scope.RUN, "", "services", "get"),
    LIST_SERVICES(Scope.RUN, "", "services", "list"),
    LIST_CONFIGMAPS(Scope.RUN, "", "configmaps", "list"),
    GET_CONFIGMAPS(Scope.RUN, "", "configmaps", "get"),
    CREATE_CONFIGMAPS(Scope.RUN, "", "configmaps", "create"),
    UPDATE_CONFIGMAPS(Scope.RUN, "", "configmaps", "update"),
    DELETE_CONFIGMAPS(Scope.RUN, "", "configmaps", "delete"),
    LAUNCH_CREATE_JOBS(Scope.LAUNCH, "batch", "jobs", "create"),
    LAUNCH_GET_JOBS(Scope.LAUNCH, "batch", "jobs", "get"),
    LAUNCH_WATCH_JOBS(Scope.LAUNCH, "batch", "jobs", "watch"),
    LAUNCH_DELETE_JOBS(Scope.LAUNCH, "batch", "jobs", "delete"),
    LAUNCH_LIST_PODS(Scope.LAUNCH, "", "pods", "list"),
    LAUNCH_WATCH_PODS(Scope.LAUNCH, "", "pods", "watch"),
    LAUNCH_GET_POD_LOG(Scope.LAUNCH, "", "pods/log", "get"),
    LAUNCH_LIST_CONFIGMAPS(Scope.LAUNCH, "", "configmaps", "list");

    /** Whose permissions: the in-cluster validator's Role, or the user running {@code launch}. */
    public enum Scope {
        RUN,
        LAUNCH
    }

    private final Scope scope;
    private final String apiGroup;
    private final String resource;
    private final String verb;

    Access(Scope scope, String apiGroup, String resource, String verb) {
        this.scope = scope;
        this.apiGroup = apiGroup;
        this.resource = resource;
        this.verb = verb;
    }

    public String apiGroup() {
        return apiGroup;
    }

    public String resource() {
        return resource;
    }

    public String verb() {
        return verb;
    }

    public static List<Access> of(Scope scope) {
        return Arrays.stream(values()).filter(a -> a.scope == scope).toList();
    }

    /** Runs one API call; a 403 or an unreachable API server becomes a message naming the verb and resource. */
    public <T> T call(String namespace, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw translate(namespace, e);
        }
    }

    public void run(String namespace, Runnable call) {
        call(namespace, () -> {
            call.run();
            return null;
        });
    }

    RuntimeException translate(String namespace, KubernetesClientException e) {
        String what =
                verb + " " + (apiGroup.isEmpty() ? resource : resource + "." + apiGroup) + " in namespace " + namespace;
        if (e.getCode() == 403) {
            return new KubernetesAccessException(
                    "missing RBAC: not allowed to " + what + " (grant verb '" + verb + "' on resource '" + resource
                            + "'" + (apiGroup.isEmpty() ? "" : " of API group '" + apiGroup + "'") + ")",
                    e);
        }
        if (e.getCode() == 401) {
            return new KubernetesAccessException("not authenticated to the cluster (401) trying to " + what, e);
        }
        if (unreachable(e)) {
            return new KubernetesAccessException(
                    "no cluster reachable (trying to " + what + "): " + rootMessage(e)
                            + "; check the kubeconfig context (KUBECONFIG, kubectl config current-context)",
                    e);
        }
        return e;
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof HttpConnectTimeoutException
                    || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
