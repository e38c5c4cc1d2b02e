package dev.mcpstack.common.metrics;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /metrics}: JSON (MetricsResponse) for {@code Accept: application/json}, Prometheus text format 0.0.4
 * otherwise; both from the same Micrometer registry as {@code /actuator/prometheus}.
 */
@RestController
final class MetricsController {

    static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain;version=0.0.4;charset=utf-8");

    private final MetricsView view;

    MetricsController(MetricsView view) {
        this.view = view;
    }

    @GetMapping(path = "/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<MetricsResponse> json() {
        return Mono.fromSupplier(view::json).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping(
            path = "/metrics",
            produces = {MediaType.TEXT_PLAIN_VALUE, MediaType.ALL_VALUE})
    Mono<ResponseEntity<String>> text() {
        return Mono.fromSupplier(view::prometheusText)
                .subscribeOn(Schedulers.boundedElastic())
                .map(text -> ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(text));
    }
}
