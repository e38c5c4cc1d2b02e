package dev.mcpstack.deployment.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The objects of one render, each in fabric8's typed model, with their pod specs by owner. */
public record Rendered(String yaml, List<HasMetadata> objects) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    /** Every document must map to a known kind with no field left over (a misspelt field fails here). */
    public static Rendered parse(String yaml) {
        List<HasMetadata> objects = DOCUMENT_SEPARATOR
                .splitAsStream(yaml)
                .filter(Rendered::hasContent)
                .map(document -> (HasMetadata) SERIALIZATION.unmarshal(document))
                .toList();
        for (HasMetadata object : objects) {
            String id = object.getKind() + "/" + object.getMetadata().getName();
            assertThat(object).as(id + " is a kind fabric8 knows").isNotInstanceOf(GenericKubernetesResource.class);
            assertThat(UnknownFields.of(object))
                    .as("fields %s does not define", id)
                    .isEmpty();
        }
        return new Rendered(yaml, objects);
    }

    private static boolean hasContent(String document) {
        return document.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
    }

    public <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(object -> object.getMetadata().getName().equals(name))
                .findFirst();
    }

    public <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new AssertionError(kind.getSimpleName() + " " + name + " is not rendered"));
    }

    /** Every pod the chart can start, keyed "Kind/name". */
    public Map<String, PodSpec> podSpecs() {
        Map<String, PodSpec> specs = new LinkedHashMap<>();
        all(Deployment.class)
                .forEach(d -> specs.put(id(d), d.getSpec().getTemplate().getSpec()));
        all(StatefulSet.class)
                .forEach(s -> specs.put(id(s), s.getSpec().getTemplate().getSpec()));
        all(Job.class).forEach(j -> specs.put(id(j), j.getSpec().getTemplate().getSpec()));
        all(CronJob.class)
                .forEach(c -> specs.put(
                        id(c),
                        c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
        all(Pod.class).forEach(p -> specs.put(id(p), p.getSpec()));
        return specs;
    }

    /** The pod spec of "Kind/name" (Deployment, StatefulSet, Job, CronJob or Pod). */
    public PodSpec podSpec(String owner) {
        PodSpec spec = podSpecs().get(owner);
        if (spec == null) {
            throw new AssertionError(owner + " is not rendered");
        }
        return spec;
    }

    private static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
