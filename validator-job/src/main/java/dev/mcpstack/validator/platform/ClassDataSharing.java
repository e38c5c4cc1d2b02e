package dev.mcpstack.validator.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a service from its extracted jar with a dynamic class-data-sharing archive (Spring Boot's documented CDS
 * recipe on JDK 17: {@code -Djarmode=tools extract}, a training run with {@code -XX:ArchiveClassesAtExit} and
 * {@code -Dspring.context.exit=onRefresh}, then {@code -XX:SharedArchiveFile}). A restarted service is ready sooner,
 * which is what the kill checks measure. The archive is made once per jar and JDK and kept beside the jar; when
 * making it fails, the service starts from its jar as before and the run says so.
 */
final class ClassDataSharing {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);
    private static final long STEP_TIMEOUT_SECONDS = 180;

    private final Path java;
    private final List<String> jvmOptions;

    ClassDataSharing(Path java, List<String> jvmOptions) {
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The JVM arguments that start {@code jar}: from the archive when it exists or can be made now (the training
     * run needs {@code environment}, i.e. the database: it exits on refresh, which halts the JVM without shutdown
     * hooks, so an embedded PostgreSQL the service started for itself would outlive it), else plain {@code -jar}.
     */
    List<String> launchArguments(Path jar, Map<String, String> environment, Consumer<String> progress) {
        Path directory = cacheDirectory(jar);
        Path extracted = directory.resolve("app").resolve(jar.getFileName());
        Path archive = directory.resolve("app.jsa");
        if (!Files.isRegularFile(archive)) {
            try {
                progress.accept("preparing a class-data-sharing archive of " + jar.getFileName()
                        + " (once per build; makes restarts faster)");
                create(jar, directory, environment);
            } catch (IOException | RuntimeException e) {
                log.warn("no class-data-sharing archive for {}: {}", jar, e.toString());
                progress.accept("no class-data-sharing archive for " + jar.getFileName() + " (" + e.getMessage()
                        + "): starting from the jar");
                return List.of("-jar", jar.toString());
            }
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off", "-jar", extracted.toString());
    }

    /**
     * Made in place: the archive records the class path it was made with, so the extracted jar must stay where the
     * training run saw it. A file lock keeps two runs from making the same archive at once, and the archive appears
     * under its final name only when complete.
     */
    private void create(Path jar, Path directory, Map<String, String> environment) throws IOException {
        Files.createDirectories(directory);
        Path archive = directory.resolve("app.jsa");
        try (FileChannel channel = FileChannel.open(
                        directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (Files.isRegularFile(archive)) {
                return;
            }
            Path app = directory.resolve("app");
            LocalPlatform.deleteQuietly(app);
            run(
                    List.of(
                            java.toString(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            app.toString()),
                    Map.of(),
                    directory.resolve("extract.log"));
            Path partial = directory.resolve("app.jsa.partial");
            List<String> training = new ArrayList<>();
            training.add(java.toString());
            training.addAll(jvmOptions);
            training.add("-XX:ArchiveClassesAtExit=" + partial);
            training.add("-Dspring.context.exit=onRefresh");
            training.add("-jar");
            training.add(app.resolve(jar.getFileName()).toString());
            run(training, environment, directory.resolve("training.log"));
            if (!Files.isRegularFile(partial)) {
                throw new IOException("the training run wrote no archive, see " + directory.resolve("training.log"));
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void run(List<String> command, Map<String, String> environment, Path logFile) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(
                        "timed out after " + STEP_TIMEOUT_SECONDS + " s: " + command.get(command.size() - 1));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + ", see " + logFile);
        }
    }

    /** Beside the jar, named by what the archive depends on: the jar's size and time, and the JDK. */
    private static Path cacheDirectory(Path jar) {
        try {
            String key = jar.getFileName() + "|" + Files.size(jar) + "|"
                    + Files.getLastModifiedTime(jar).toMillis() + "|" + System.getProperty("java.vm.version");
            String hash = HexFormat.of().toHexDigits(key.hashCode());
            return jar.toAbsolutePath().getParent().resolve("cds").resolve(hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }
}
