package dev.mcpstack.common.problem;

import java.net.URI;
import java.util.List;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders errors raised outside controllers (unknown route 404, 405, 413 on a capped body, WebFilter failures such
 * as the fast 503 during an outage) as problem+json, replacing Boot's HTML/JSON error page handler.
 */
@Component
@Order(-2)
final class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

    private final ProblemMapper mapper;
    private final ServerResponse.Context context;

    ProblemWebExceptionHandler(ProblemMapper mapper, ServerCodecConfigurer codecs) {
        this.mapper = mapper;
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ResponseEntity<ProblemDetail> response = mapper.toResponse(error);
        ProblemDetail body = response.getBody();
        if (body != null && body.getInstance() == null) {
            body.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return ServerResponse.status(response.getStatusCode())
                .headers(headers -> headers.addAll(response.getHeaders()))
                .bodyValue(body == null ? ProblemDetail.forStatus(response.getStatusCode()) : body)
                .flatMap(serverResponse -> serverResponse.writeTo(exchange, context));
    }
}
