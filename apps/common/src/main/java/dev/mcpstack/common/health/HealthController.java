package dev.mcpstack.common.health;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /health}: 200 for healthy or degraded, 503 for unhealthy; answered from memory. The 503 carries
 * {@code Retry-After} like every other 503 of the services (SPEC §5), so a client under overload sees one contract.
 */
@RestController
final class HealthController {

    private static final String RETRY_AFTER_SECONDS = "1";

    private final HealthAssessor assessor;

    HealthController(HealthAssessor assessor) {
        this.assessor = assessor;
    }

    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<HealthCheckResponse>> health() {
        HealthCheckResponse response = assessor.assess();
        if (HealthCheckResponse.UNHEALTHY.equals(response.status())) {
            return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(response));
        }
        return Mono.just(ResponseEntity.ok(response));
    }
}
