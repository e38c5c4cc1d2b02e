package dev.mcpstack.common.health;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /health}: 200 for healthy or degraded, 503 for unhealthy; answered from memory. */
@RestController
final class HealthController {

    private final HealthAssessor assessor;

    HealthController(HealthAssessor assessor) {
        this.assessor = assessor;
    }

    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<HealthCheckResponse>> health() {
        HealthCheckResponse response = assessor.assess();
        HttpStatus status = HealthCheckResponse.UNHEALTHY.equals(response.status())
                ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.OK;
        return Mono.just(ResponseEntity.status(status).body(response));
    }
}
