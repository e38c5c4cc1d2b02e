package dev.mcpstack.deployment.image;

import dev.mcpstack.deployment.chart.Rendered;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker run} options for one container of a rendered pod spec: its image, environment (ConfigMaps and
 * Secrets resolved), args, user and groups, read-only root with each emptyDir as a tmpfs, dropped capabilities, no
 * new privileges and memory/CPU limits. Only {@code overrides} differ from the chart: the cluster's addresses
 * (Service names, fixed ports) that mean nothing on a host network.
 */
record PodRun(String image, List<String> options, List<String> args) {

    static PodRun of(
            Rendered rendered, PodSpec pod, Map<String, Map<String, String>> secrets, Map<String, String> overrides) {
        Container container = pod.getContainers().get(0);
        List<String> options = new ArrayList<>(List.of("--network", "host"));
        environment(rendered, container, secrets, overrides)
                .forEach((name, value) -> options.addAll(List.of("-e", name + "=" + value)));
        security(pod, container, options);
        for (VolumeMount mount : container.getVolumeMounts()) {
            options.addAll(List.of("--tmpfs", mount.getMountPath() + ":" + tmpfsOptions(pod, mount)));
        }
        Map<String, Quantity> limits =
                Optional.ofNullable(container.getResources().getLimits()).orElse(Map.of());
        if (limits.containsKey("memory")) {
            options.addAll(List.of(
                    "--memory", limits.get("memory").getNumericalAmount().toBigInteger() + "b"));
        }
        if (limits.containsKey("cpu")) {
            options.addAll(
                    List.of("--cpus", limits.get("cpu").getNumericalAmount().toPlainString()));
        }
        if (container.getCommand() != null && !container.getCommand().isEmpty()) {
            throw new IllegalArgumentException("a command override is not translated: " + container.getCommand());
        }
        return new PodRun(container.getImage(), options, container.getArgs());
    }

    PodRun withArgs(List<String> replacement) {
        return new PodRun(image, options, replacement);
    }

    /** The arguments of {@code docker run}: options, image, the container's args. */
    List<String> runArgs(String name) {
        List<String> all = new ArrayList<>(List.of("--name", name));
        all.addAll(options);
        all.add(image);
        all.addAll(args);
        return all;
    }

    private static Map<String, String> environment(
            Rendered rendered,
            Container container,
            Map<String, Map<String, String>> secrets,
            Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            String name = source.getConfigMapRef().getName();
            env.putAll(rendered.get(ConfigMap.class, name).getData());
        }
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), value(rendered, variable, secrets));
        }
        overrides.forEach((name, value) -> {
            if (!env.containsKey(name)) {
                throw new IllegalArgumentException("the chart sets no " + name + " to override");
            }
            env.put(name, value);
        });
        return env;
    }

    private static String value(Rendered rendered, EnvVar variable, Map<String, Map<String, String>> secrets) {
        if (variable.getValueFrom() == null) {
            return variable.getValue();
        }
        if (variable.getValueFrom().getSecretKeyRef() != null) {
            var ref = variable.getValueFrom().getSecretKeyRef();
            return Optional.ofNullable(secrets.get(ref.getName()))
                    .map(secret -> secret.get(ref.getKey()))
                    .orElseThrow(() -> new IllegalArgumentException("no Secret " + ref.getName() + "/" + ref.getKey()));
        }
        if (variable.getValueFrom().getConfigMapKeyRef() != null) {
            var ref = variable.getValueFrom().getConfigMapKeyRef();
            return rendered.get(ConfigMap.class, ref.getName()).getData().get(ref.getKey());
        }
        throw new IllegalArgumentException("not translated: " + variable);
    }

    private static void security(PodSpec pod, Container container, List<String> options) {
        SecurityContext context = container.getSecurityContext();
        Long uid = Optional.ofNullable(context.getRunAsUser())
                .orElse(pod.getSecurityContext().getRunAsUser());
        Long gid = Optional.ofNullable(context.getRunAsGroup())
                .orElse(pod.getSecurityContext().getRunAsGroup());
        options.addAll(List.of("--user", uid + ":" + gid));
        if (pod.getSecurityContext().getFsGroup() != null) {
            options.addAll(
                    List.of("--group-add", pod.getSecurityContext().getFsGroup().toString()));
        }
        if (Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
            options.add("--read-only");
        }
        for (String capability : context.getCapabilities().getDrop()) {
            options.addAll(List.of("--cap-drop", capability));
        }
        if (Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            options.addAll(List.of("--security-opt", "no-new-privileges"));
        }
        // seccomp RuntimeDefault is Docker's default profile: nothing to add
    }

    /** An emptyDir as Kubernetes gives it: writable for the pod's users, exec allowed, its size limit. */
    private static String tmpfsOptions(PodSpec pod, VolumeMount mount) {
        Volume volume = pod.getVolumes().stream()
                .filter(candidate -> candidate.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow();
        if (volume.getEmptyDir() == null) {
            throw new IllegalArgumentException("only emptyDir volumes are translated: " + volume.getName());
        }
        String options = "rw,exec,mode=1777";
        Quantity size = volume.getEmptyDir().getSizeLimit();
        return size == null
                ? options
                : options + ",size=" + size.getNumericalAmount().toBigInteger();
    }
}
