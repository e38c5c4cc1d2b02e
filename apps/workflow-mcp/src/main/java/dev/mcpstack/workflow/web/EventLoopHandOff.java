package dev.mcpstack.workflow.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Works around reactor/reactor-netty#4361 (reactor-netty 1.3.6, the version Boot 4.1.0 brings): when a keep-alive
 * request arrives before the previous exchange has terminated and is then answered synchronously on the event
 * loop (a cache hit, a validation error), the server stops reading the connection and the client's next request
 * hangs. Handling every request on the parallel scheduler means no answer completes inside the event loop's
 * dispatch. The fixed releases (1.3.8) need a newer Netty; drop this filter once the stack upgrades.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EventLoopHandOff implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).subscribeOn(Schedulers.parallel());
    }
}
