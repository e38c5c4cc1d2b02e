package dev.mcpstack.workflow.testing;

import dev.mcpstack.codebase.CodebaseMcpApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real codebase-mcp, started in this JVM on a fixed free port so it can be stopped and started again at the
 * same address workflow-mcp was given. It shares the JVM's embedded PostgreSQL (its own schema). Registered with
 * {@code @RegisterExtension} on a static field, it runs for the whole test class (tests may stop and restart it).
 */
public final class CodebaseProcess implements BeforeAllCallback, AfterAllCallback {

    private final int port = freePort();
    private @Nullable ConfigurableApplicationContext context;

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void start() {
        if (context == null) {
            context = CodebaseMcpApplication.application().run("--server.port=" + port);
        }
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        stop();
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl(url())
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Indexes a tar archive as repository {@code name}; re-indexing a name replaces its chunks. */
    public void index(String name, byte[] tar) {
        client().post()
                .uri("/mcp/index?repository=" + name)
                .contentType(MediaType.parseMediaType("application/x-tar"))
                .bodyValue(tar)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
