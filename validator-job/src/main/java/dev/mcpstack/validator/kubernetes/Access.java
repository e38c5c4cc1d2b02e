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
    WATCH_PODS(Scope.RUN, "", "pods", "list", "watch"),
    DELETE_PODS(Scope.RUN, "", "pods", "delete"),
    GET_POD_LOG(Scope.RUN, "", "pods/log", "get"),
    GET_DEPLOYMENTS(Scope.RUN, "apps", "deployments", "get"),
    LIST_DEPLOYMENTS(Scope.RUN, "apps", "deployments", "list"),
    WATCH_DEPLOYMENTS(Scope.RUN, "apps", "deployments", "list", "watch"),
    PATCH_DEPLOYMENTS(Scope.RUN, "apps", "deployments", "patch"),
    GET_DEPLOYMENT_SCALE(Scope.RUN, "apps", "deployments/scale", "get"),
    PATCH_DEPLOYMENT_SCALE(Scope.RUN, "apps", "deployments/scale", "patch"),
    GET_STATEFULSETS(Scope.RUN, "apps", "statefulsets", "get"),
    LIST_STATEFULSETS(Scope.RUN, "apps", "statefulsets", "list"),
    WATCH_STATEFULSETS(Scope.RUN, "apps", "statefulsets", "list", "watch"),
    PATCH_STATEFULSETS(Scope.RUN, "apps", "statefulsets", "patch"),
    GET_STATEFULSET_SCALE(Scope.RUN, "apps", "statefulsets/scale", "get"),
    PATCH_STATEFULSET_SCALE(Scope.RUN, "apps", "statefulsets/scale", "patch"),
    LIST_SERVICES(Scope.RUN, "", "services", "list"),
    WATCH_ENDPOINTS(Scope.RUN, "", "endpoints", "list", "watch"),
    LIST_CONFIGMAPS(Scope.RUN, "", "configmaps", "list"),
    GET_CONFIGMAPS(Scope.RUN, "", "configmaps", "get"),
    CREATE_CONFIGMAPS(Scope.RUN, "", "configmaps", "create"),
    UPDATE_CONFIGMAPS(Scope.RUN, "", "configmaps", "update"),
    DELETE_CONFIGMAPS(Scope.RUN, "", "configmaps", "delete"),
    LAUNCH_CREATE_JOBS(Scope.LAUNCH, "batch", "jobs", "create"),
    LAUNCH_WATCH_JOBS(Scope.LAUNCH, "batch", "jobs", "list", "watch"),
    LAUNCH_DELETE_JOBS(Scope.LAUNCH, "batch", "jobs", "delete"),
    LAUNCH_WATCH_PODS(Scope.LAUNCH, "", "pods", "list", "watch"),
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
    private final List<String> verbs;

    /** One call site's need: an informer or {@code waitUntilCondition} lists, then watches. */
    Access(Scope scope, String apiGroup, String resource, String... verbs) {
        this.scope = scope;
        this.apiGroup = apiGroup;
        this.resource = resource;
        this.verbs = List.of(verbs);
    }

    public String apiGroup() {
        return apiGroup;
    }

    public String resource() {
        return resource;
    }

    public List<String> verbs() {
        return verbs;
    }

    /** {@code apiGroup/resource verb} for every verb of every call of {@code scope}: the Role that scope needs. */
    public static java.util.SortedSet<String> grants(Scope scope) {
        java.util.SortedSet<String> grants = new java.util.TreeSet<>();
        of(scope).forEach(a -> a.verbs.forEach(v -> grants.add(grant(a.apiGroup, a.resource, v))));
        return grants;
    }

    public static String grant(String apiGroup, String resource, String verb) {
        return (apiGroup.isEmpty() ? "core" : apiGroup) + "/" + resource + " " + verb;
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
        String what = String.join("/", verbs) + " " + (apiGroup.isEmpty() ? resource : resource + "." + apiGroup)
                + " in namespace " + namespace;
        if (e.getCode() == 403) {
            String quoted =
                    String.join(", ", verbs.stream().map(v -> "'" + v + "'").toList());
            return new KubernetesAccessException(
                    "missing RBAC: not allowed to " + what + " (grant verb" + (verbs.size() > 1 ? "s " : " ") + quoted
                            + " on resource '" + resource + "'"
                            + (apiGroup.isEmpty() ? "" : " of API group '" + apiGroup + "'") + ")",
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
