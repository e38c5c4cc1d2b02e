package dev.mcpstack.validator.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The validation Job as the chart renders it ({@code k8s/validation-job.yaml} of the checkout, copied into the jar by
 * the build), edited with fabric8's builders for one {@code launch}: name, namespace, image, the
 * release/profile/suites arguments, service account.
 */
public final class JobTemplate {

    public static final String RESOURCE = "k8s/validation-job.yaml";

    /** What {@code launch} changes; null keeps the template's value. */
    public record Edits(
            String name,
            String namespace,
            String release,
            @Nullable String image,
            @Nullable String profile,
            @Nullable String suites,
            @Nullable String serviceAccount) {}

    private JobTemplate() {}

    public static Job load() {
        try (InputStream in = JobTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the validator jar");
            }
            return Serialization.unmarshal(in, Job.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    public static Job edit(Job template, Edits edits) {
        Container container = validatorContainer(template);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--release", edits.release());
        if (edits.profile() != null) {
            options.put("--profile", edits.profile());
        }
        if (edits.suites() != null) {
            options.put("--suites", edits.suites());
        }
        Container edited = new ContainerBuilder(container)
                .withImage(edits.image() == null ? container.getImage() : edits.image())
                .withArgs(withOptions(container.getArgs(), options))
                .build();
        Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
        labels.put(ChartLabels.INSTANCE, edits.release());
        return new JobBuilder(template)
                .editMetadata()
                .withName(edits.name())
                .withNamespace(edits.namespace())
                .withLabels(labels)
                .endMetadata()
                .editSpec()
                .editTemplate()
                .editMetadata()
                .addToLabels(ChartLabels.INSTANCE, edits.release())
                .endMetadata()
                .editSpec()
                .withServiceAccountName(
                        edits.serviceAccount() == null
                                ? ChartLabels.fullname(edits.release()) + "-validator"
                                : edits.serviceAccount())
                .withContainers(
                        replace(template.getSpec().getTemplate().getSpec().getContainers(), edited))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** The container named {@code validator}, else the first. */
    public static Container validatorContainer(Job job) {
        List<Container> containers = job.getSpec().getTemplate().getSpec().getContainers();
        return containers.stream()
                .filter(c -> ChartLabels.VALIDATOR.equals(c.getName()))
                .findFirst()
                .orElse(containers.get(0));
    }

    /** Replaces the value after each given option, or appends the option when the template lacks it. */
    static List<String> withOptions(List<String> args, Map<String, String> options) {
        List<String> result = new ArrayList<>(args);
        options.forEach((option, value) -> {
            int at = result.indexOf(option);
            if (at >= 0 && at + 1 < result.size()) {
                result.set(at + 1, value);
            } else {
                result.add(option);
                result.add(value);
            }
        });
        return result;
    }

    private static List<Container> replace(List<Container> containers, Container edited) {
        return containers.stream()
                .map(c -> c.getName().equals(edited.getName()) ? edited : c)
                .toList();
    }
}
