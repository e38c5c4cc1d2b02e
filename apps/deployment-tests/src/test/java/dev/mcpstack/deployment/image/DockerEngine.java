package dev.mcpstack.deployment.image;

import dev.mcpstack.deployment.support.MissingTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.file.PathUtils;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Docker engine of the test's own: dockerd with its bridge, iptables and masquerading off (containers run with
 * the host's network, so all traffic stays on 127.0.0.1), its own socket, data, exec root and pid file, driven
 * through the docker CLI. Closing it removes the containers it ran and stops the daemon, by id and pid.
 */
final class DockerEngine implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private final Process daemon;
    private final Path log;
    private final String host;
    private final List<String> containers = new ArrayList<>();

    private final Path execRoot;
    private final Optional<Path> temporaryRuntime;

    private DockerEngine(Process daemon, Path log, String host, Path execRoot, Optional<Path> temporaryRuntime) {
        this.daemon = daemon;
        this.log = log;
        this.host = host;
        this.execRoot = execRoot;
        this.temporaryRuntime = temporaryRuntime;
    }

    /** Why no engine can run here, or empty when the binaries are there. */
    static Optional<String> missingBinaries() {
        for (String binary : List.of("dockerd", "docker")) {
            if (MissingTool.which(binary).isEmpty()) {
                return Optional.of(binary + " is not installed (Debian: apt-get install docker.io)");
            }
        }
        return Optional.empty();
    }

    /** Starts the daemon under {@code directory}; throws {@link EngineUnavailable} when it does not come up. */
    static DockerEngine start(Path directory) throws IOException {
        Files.createDirectories(directory);
        // unix socket paths are limited to 108 bytes, and containerd puts its socket under the exec root
        Path runtime = directory.toString().length() > 60 ? Files.createTempDirectory("mcp-dockerd") : directory;
        Path log = directory.resolve("dockerd.log");
        String host = "unix://" + runtime.resolve("docker.sock");
        Process daemon = new ProcessBuilder(
                        "dockerd",
                        "--bridge=none",
                        "--iptables=false",
                        "--ip-masq=false",
                        "-H",
                        host,
                        "--data-root",
                        directory.resolve("data").toString(),
                        "--exec-root",
                        runtime.resolve("exec").toString(),
                        "--pidfile",
                        directory.resolve("dockerd.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        DockerEngine engine = new DockerEngine(
                daemon,
                log,
                host,
                runtime.resolve("exec"),
                runtime.equals(directory) ? Optional.empty() : Optional.of(runtime));
        try {
            Awaitility.await()
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !daemon.isAlive() || engine.answers());
        } catch (ConditionTimeoutException e) {
            engine.close();
            throw new EngineUnavailable("dockerd did not answer within " + START_TIMEOUT + engine.logTail());
        }
        if (!daemon.isAlive()) {
            throw new EngineUnavailable("dockerd exited with " + daemon.exitValue() + engine.logTail());
        }
        return engine;
    }

    /** {@code docker ARGS}: its standard output, or an exception carrying its error output. */
    String docker(String... args) {
        return run(List.of(args)).orElseThrow();
    }

    /** {@code docker run -d ...}: the container's id, removed again by {@link #close()}. */
    String runDetached(List<String> runArgs) {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(runArgs);
        String id = docker(args.toArray(String[]::new)).strip();
        containers.add(id);
        return id;
    }

    /** {@code docker run --rm ...} in the foreground: its output; an exit code other than 0 throws. */
    String runAttached(List<String> runArgs) {
        List<String> args = new ArrayList<>(List.of("run", "--rm"));
        args.addAll(runArgs);
        return docker(args.toArray(String[]::new));
    }

    String logs(String container) {
        return run(List.of("logs", "--tail", "60", container)).orElse("(no logs)");
    }

    private boolean answers() {
        return run(List.of("version", "--format", "{{.Server.Version}}")).isPresent();
    }

    private Result run(List<String> args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host));
        command.addAll(args);
        try {
            Path output = Files.createTempFile("docker", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(command, -1, "timed out after " + COMMAND_TIMEOUT);
                }
                return new Result(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.delete(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return " (no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        for (String container : containers) {
            run(List.of("rm", "-f", container));
        }
        containers.clear();
        daemon.destroy();
        try {
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unmountLeftovers();
        temporaryRuntime.ifPresent(runtime -> {
            try {
                PathUtils.deleteDirectory(runtime);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * dockerd bind-mounts the host's network namespace under its exec root ({@code netns/default}) and leaves it
     * mounted when it stops: the directory (a checkout's {@code target/}) could then not be deleted.
     */
    private void unmountLeftovers() {
        try {
            // the deepest first
            for (String mount : mountsUnder(execRoot).stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList()) {
                Process umount = new ProcessBuilder("umount", mount)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!umount.waitFor(10, TimeUnit.SECONDS)) {
                    umount.destroyForcibly();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unmount what dockerd left under " + execRoot, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The mount points at or below {@code directory} (from {@code /proc/self/mountinfo}). */
    static List<String> mountsUnder(Path directory) {
        String root = directory.toAbsolutePath().toString();
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> line.split(" ")[4])
                    .filter(mount -> mount.equals(root) || mount.startsWith(root + "/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the mount table", e);
        }
    }

    /** A command's outcome: present when it exited 0. */
    private record Result(List<String> command, int exitCode, String output) {
        boolean isPresent() {
            return exitCode == 0;
        }

        String orElse(String fallback) {
            return isPresent() ? output : fallback;
        }

        String orElseThrow() {
            if (!isPresent()) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exitCode + ":\n" + output);
            }
            return output;
        }
    }

    /** No engine can run here: the test skips (or fails on CI). */
    static final class EngineUnavailable extends IllegalStateException {
        EngineUnavailable(String message) {
            super(message);
        }
    }
}
