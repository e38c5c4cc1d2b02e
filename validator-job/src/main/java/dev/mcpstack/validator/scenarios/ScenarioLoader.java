package dev.mcpstack.validator.scenarios;

import dev.mcpstack.validator.model.IntegrationTestCase;
import dev.mcpstack.validator.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Scenario files: the ones shipped in the jar ({@code scenarios/*.yaml}) and any from a user directory. */
public final class ScenarioLoader {

    private ScenarioLoader() {}

    public static List<IntegrationTestCase> load(@Nullable Path userDirectory) {
        List<IntegrationTestCase> cases = new ArrayList<>(shipped());
        if (userDirectory != null) {
            cases.addAll(fromDirectory(userDirectory));
        }
        return cases;
    }

    public static List<IntegrationTestCase> shipped() {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:scenarios/*.yaml");
            Arrays.sort(resources, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            List<IntegrationTestCase> cases = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    cases.add(parse(in.readAllBytes(), String.valueOf(resource.getFilename())));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the shipped scenarios", e);
        }
    }

    public static List<IntegrationTestCase> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--scenarios-dir is not a directory: " + directory);
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<IntegrationTestCase> cases = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$"))
                    .sorted()
                    .toList()) {
                cases.add(parse(Files.readAllBytes(file), file.toString()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read scenarios from " + directory, e);
        }
    }

    public static IntegrationTestCase parse(byte[] yaml, String source) {
        try {
            return Json.YAML.readValue(yaml, IntegrationTestCase.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid scenario file " + source + ": " + e.getMessage(), e);
        }
    }
}
