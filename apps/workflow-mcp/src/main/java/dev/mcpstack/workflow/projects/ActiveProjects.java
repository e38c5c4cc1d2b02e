package dev.mcpstack.workflow.projects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpstack.common.problem.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The active project of each client. The table is the truth (a switch is acknowledged only after its upsert, so
 * it survives restarts); a small write-through cache answers reads without a round trip.
 */
@Component
class ActiveProjects {

    private final DatabaseClient db;
    private final Timer switchLatency;
    private final Cache<String, Activation> byClient;

    ActiveProjects(DatabaseClient db, MeterRegistry meters, ActiveProjectProperties properties) {
        this.db = db;
        this.switchLatency = Timer.builder("workflow_mcp.project_switch.latency")
                .description("Time to switch a client's active project, database write included")
                .publishPercentileHistogram()
                .register(meters);
        this.byClient = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.cacheTtl())
                .build();
    }

    /** Switches in one statement: the upsert only happens if the project exists, so no row means 404. */
    Mono<Activation> activate(String clientId, UUID projectId) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start();
            return db.sql("INSERT INTO active_projects (client_id, project_id, switched_at)"
                            + " SELECT :client, id, clock_timestamp() FROM projects WHERE id = :project"
                            + " ON CONFLICT (client_id) DO UPDATE"
                            + " SET project_id = EXCLUDED.project_id, switched_at = EXCLUDED.switched_at"
                            + " RETURNING project_id, switched_at")
                    .bind("client", clientId)
                    .bind("project", projectId)
                    .map(ActiveProjects::activation)
                    .one()
                    .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("project", projectId)))
                    .doOnNext(activation -> remember(clientId, activation))
                    .doFinally(signal -> sample.stop(switchLatency));
        });
    }

    /** The client's activation, or empty when it never activated a project. */
    Mono<Activation> activeFor(String clientId) {
        Activation cached = byClient.getIfPresent(clientId);
        if (cached != null) {
            return Mono.just(cached);
        }
        return db.sql("SELECT project_id, switched_at FROM active_projects WHERE client_id = :client")
                .bind("client", clientId)
                .map(ActiveProjects::activation)
                .one()
                .doOnNext(activation -> remember(clientId, activation));
    }

    /** Concurrent switches by one client may complete out of order; the later switch wins, as in the table. */
    private void remember(String clientId, Activation activation) {
        byClient.asMap()
                .merge(clientId, activation, (old, next) -> next.switchedAt().isBefore(old.switchedAt()) ? old : next);
    }

    private static Activation activation(Readable row) {
        return new Activation(row.get("project_id", UUID.class), row.get("switched_at", Instant.class));
    }
}
