package dev.mcpstack.deployment.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.deployment.support.MissingTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where no engine can run, ImagesRunTest skips with one line (fails on CI). */
final class EngineSupport {

    private EngineSupport() {}

    static void requireImagesAndEngine(List<Path> tars) {
        Optional<Path> missing =
                tars.stream().filter(tar -> !Files.isRegularFile(tar)).findFirst();
        if (missing.isPresent()) {
            unavailable(missing.get() + " is missing (built by the images profile; -DskipImages leaves it out)");
        }
        DockerEngine.missingBinaries().ifPresent(EngineSupport::unavailable);
    }

    static DockerEngine start(Path directory) throws IOException {
        try {
            DockerEngine engine = DockerEngine.start(directory);
            assertThat(Path.of("/sys/class/net/docker0"))
                    .as("dockerd runs without a bridge")
                    .doesNotExist();
            return engine;
        } catch (DockerEngine.EngineUnavailable e) {
            unavailable(e.getMessage());
            throw e;
        }
    }

    private static void unavailable(String reason) {
        MissingTool.skip("ImagesRunTest", "no Docker engine can run the images here: " + reason);
    }
}
