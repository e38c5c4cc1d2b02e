package dev.mcpstack.validator.platform;

import dev.mcpstack.embeddedpostgres.RestartablePostgres;
import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.model.FaultKind;
import dev.mcpstack.validator.model.ServerId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code --target local}: an embedded PostgreSQL and both service jars as supervised child processes on free ports
 * of 127.0.0.1. Everything is torn down by {@link #close()}, which also runs from a JVM shutdown hook (Ctrl-C).
 */
public final class LocalPlatform implements Platform {

    private static final int GRACE_SECONDS = 15;

    private final Settings settings;
    private final Http http;
    private final Map<ServerId, Integer> ports = new EnumMap<>(ServerId.class);
    private final Map<ServerId, SupervisedProcess> processes = new EnumMap<>(ServerId.class);
    private final Thread shutdownHook = new Thread(this::close, "validator-local-cleanup");
    private @Nullable RestartablePostgres database;
    private @Nullable Path dataDirectory;
    private boolean closed;

    /**
     * Jars (null = find them in the checkout), where logs go, how long a start may take, extra JVM flags, and
     * whether to start the services from a class-data-sharing archive ({@link ClassDataSharing}).
     */
    public record Settings(
            @Nullable Path codebaseJar,
            @Nullable Path workflowJar,
            Path logDirectory,
            Duration startupTimeout,
            List<String> jvmOptions,
            boolean classDataSharing) {}

    public LocalPlatform(Settings settings, Http http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public String target() {
        return "local";
    }

    @Override
    public synchronized void start(Consumer<String> progress) {
        Path codebaseJar = ServiceJars.locate(ServerId.CODEBASE, settings.codebaseJar());
        Path workflowJar = ServiceJars.locate(ServerId.WORKFLOW, settings.workflowJar());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            Files.createDirectories(settings.logDirectory());
            dataDirectory = Files.createTempDirectory("validator-pg");
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + settings.logDirectory(), e);
        }
        progress.accept("starting embedded PostgreSQL");
        RestartablePostgres db = new RestartablePostgres(dataDirectory);
        database = db;
        db.start();
        progress.accept("PostgreSQL on 127.0.0.1:" + db.port());
        for (ServerId server : ServerId.values()) {
            ports.put(server, freePort());
        }
        Map<String, String> common = databaseEnvironment(db);
        launch(ServerId.CODEBASE, codebaseJar, common, Map.of(), progress);
        launch(
                ServerId.WORKFLOW,
                workflowJar,
                common,
                Map.of("WORKFLOW_CODEBASE_URL", baseUrl(ServerId.CODEBASE).toString()),
                progress);
        for (ServerId server : ServerId.values()) {
            awaitReady(server, settings.startupTimeout());
            progress.accept(server + " ready at " + baseUrl(server));
        }
    }

    /** What points a service (and its class-data-sharing training run) at {@code database}. */
    static Map<String, String> databaseEnvironment(RestartablePostgres database) {
        return Map.of(
                "SPRING_R2DBC_URL",
                database.r2dbcUrl(),
                "SPRING_R2DBC_USERNAME",
                RestartablePostgres.USER,
                "SPRING_R2DBC_PASSWORD",
                "");
    }

    private void launch(
            ServerId server,
            Path jar,
            Map<String, String> common,
            Map<String, String> extra,
            Consumer<String> progress) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Map<String, String> environment = new java.util.HashMap<>(common);
        environment.putAll(extra);
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        Map<String, String> training = new java.util.HashMap<>(environment);
        training.put("SERVER_PORT", "0");
        environment.put("SERVER_PORT", String.valueOf(ports.get(server)));
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(settings.jvmOptions());
        command.addAll(
                settings.classDataSharing()
                        ? new ClassDataSharing(java, settings.jvmOptions()).launchArguments(jar, training, progress)
                        : List.of("-jar", jar.toString()));
        SupervisedProcess process =
                new SupervisedProcess(server.wireName(), command, environment, settings.logDirectory(), progress);
        processes.put(server, process);
        progress.accept("starting " + server + " (" + jar.getFileName() + ") on port " + ports.get(server));
        process.start();
    }

    @Override
    public URI baseUrl(ServerId server) {
        Integer port = ports.get(server);
        if (port == null) {
            throw new IllegalStateException(server + " has not been started");
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void killInstance(ServerId server) {
        process(server).kill();
    }

    @Override
    public FaultKind killFault() {
        return FaultKind.PROCESS_KILL;
    }

    @Override
    public void stopInstanceGracefully(ServerId server) {
        process(server).terminate(GRACE_SECONDS);
    }

    @Override
    public void stopService(ServerId server) {
        process(server).stop(GRACE_SECONDS);
    }

    @Override
    public void startService(ServerId server, Duration timeout) {
        process(server).start();
        awaitReady(server, timeout);
    }

    /** The database is always the embedded one this platform started, so database faults can always run. */
    @Override
    public Optional<String> databaseFaultRefusal() {
        return Optional.empty();
    }

    @Override
    public void awaitReady(ServerId server, Duration timeout) {
        new Readiness(http)
                .await(
                        server,
                        baseUrl(server),
                        timeout,
                        process(server)::isAlive,
                        () -> process(server).stdout());
    }

    @Override
    public Optional<Double> cpuSeconds(ServerId server) {
        SupervisedProcess process = processes.get(server);
        return process == null ? Optional.empty() : Optional.of(process.cpuSeconds());
    }

    @Override
    public int restarts(ServerId server) {
        return process(server).restarts();
    }

    @Override
    public void stopDatabase() {
        requireDatabase().stop();
    }

    @Override
    public void startDatabase() {
        requireDatabase().start();
    }

    @Override
    public List<String> logLines(ServerId server) {
        try {
            Path file = process(server).stdout();
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the log of " + server, e);
        }
    }

    public Path logFile(ServerId server) {
        return process(server).stdout();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // workflow first: it calls codebase, so it goes down before its dependency
        List.of(ServerId.WORKFLOW, ServerId.CODEBASE).forEach(server -> {
            SupervisedProcess process = processes.get(server);
            if (process != null) {
                process.stop(GRACE_SECONDS);
            }
        });
        RestartablePostgres db = database;
        if (db != null) {
            db.stop();
        }
        deleteQuietly(dataDirectory);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: we are running inside the hook
        }
    }

    private SupervisedProcess process(ServerId server) {
        SupervisedProcess process = processes.get(server);
        if (process == null) {
            throw new IllegalStateException(server + " has not been started");
        }
        return process;
    }

    private RestartablePostgres requireDatabase() {
        if (database == null) {
            throw new IllegalStateException("the database has not been started");
        }
        return database;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    static void deleteQuietly(@Nullable Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
