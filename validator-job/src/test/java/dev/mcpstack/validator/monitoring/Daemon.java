package dev.mcpstack.validator.monitoring;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the Prometheus servers (prometheus, pushgateway, alertmanager) as a child process on a free loopback port,
 * its output in a log file; ready when its {@code /-/ready} answers 200. Closing stops that one process.
 */
final class Daemon implements AutoCloseable {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI url;
    private final Path log;

    private Daemon(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** {@code args} may contain {@code {port}}, replaced by the free port chosen for it. */
    static Daemon start(String tool, List<String> args, Path workDirectory) {
        Path binary = Tools.require(tool);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        args.forEach(arg -> command.add(arg.replace("{port}", Integer.toString(port))));
        Path log = workDirectory.resolve(tool + ".log");
        try {
            Files.createDirectories(workDirectory);
            Process process = new ProcessBuilder(command)
                    .directory(workDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Daemon daemon = new Daemon(process, URI.create("http://127.0.0.1:" + port), log);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .failFast(tool + " exited; see " + log, () -> !process.isAlive())
                    .until(() -> daemon.status("/-/ready") == 200);
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + tool, e);
        }
    }

    URI url() {
        return url;
    }

    String address() {
        return url.getHost() + ":" + url.getPort();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(url.resolve(path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
