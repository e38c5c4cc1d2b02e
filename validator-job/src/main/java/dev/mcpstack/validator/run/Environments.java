package dev.mcpstack.validator.run;

import dev.mcpstack.validator.model.EnvironmentInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Describes the machine a run measures on; the git commit comes from {@code GIT_COMMIT} or {@code git}. */
public final class Environments {

    private Environments() {}

    public static EnvironmentInfo current(String profile, String target) {
        return new EnvironmentInfo(
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                gitCommit(),
                profile,
                target);
    }

    static @Nullable String gitCommit() {
        String fromEnv = System.getenv("GIT_COMMIT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            if (!git.waitFor(3, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 && out.matches("[0-9a-f]{7,40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
