package dev.mcpstack.workflow.codebase;

import io.netty.channel.ChannelOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** HTTP access to codebase-mcp, always through {@link CodebaseResilience}. */
@Component
class CodebaseClient implements DisposableBean {

    private final ConnectionProvider connections;
    private final WebClient web;
    private final CodebaseResilience resilience;

    CodebaseClient(CodebaseProperties properties, CodebaseResilience resilience) {
        this.resilience = resilience;
        this.connections = ConnectionProvider.builder("codebase-mcp")
                .maxConnections(50)
                .pendingAcquireMaxCount(200)
                .build();
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        this.web = WebClient.builder()
                .baseUrl(properties.url().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
    }

    /** Which of these chunks still exist, in one round trip. 4xx answers fail with {@link LookupRejected}. */
    Mono<ChunkLookup> lookup(List<UUID> chunkIds) {
        Mono<ChunkLookup> call = web.post()
                .uri("/mcp/chunks/lookup")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("chunk_ids", chunkIds))
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(ChunkLookup.class);
                    }
                    if (response.statusCode().is4xxClientError()) {
                        return response.releaseBody()
                                .then(Mono.error(
                                        new LookupRejected(response.statusCode().value())));
                    }
                    return response.createError();
                });
        return resilience.protect(call);
    }

    @Override
    public void destroy() {
        connections.dispose();
    }
}
