package dev.mcpstack.validator.resilience;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The resilience suite's settings (application.yaml {@code validator.resilience}): SPEC §9's targets and how much
 * each profile does.
 */
@ConfigurationProperties("validator.resilience")
public record ResilienceProperties(
        Duration readyTimeout, Duration requestTimeout, Duration think, Targets targets, Map<String, Plan> profiles) {

    public ResilienceProperties {
        readyTimeout = readyTimeout == null ? Duration.ofSeconds(180) : readyTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
        think = think == null ? Duration.ofMillis(25) : think;
        targets = targets == null ? new Targets(15_000, 1_000, 2_000, 100, 5, 500, 1_000, 10_000) : targets;
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    }

    /** The plan of a profile; a profile without one gets the smallest plan. */
    public Plan plan(String profile) {
        return profiles.getOrDefault(profile, new Plan(1, 1, Duration.ofSeconds(2), Duration.ofSeconds(1), 60));
    }

    /**
     * SPEC §9 in ms: ready again after a kill, database loss detected, reconnect after the database returns,
     * fast-fail p95 during an outage, calls until the breaker opens, a pool-exhausted 503 (the 250 ms bounded wait
     * plus the answer on a loaded machine), full service after a burst, breaker closed after the dependency returns.
     */
    public record Targets(
            long readyMs,
            long detectMs,
            long reconnectMs,
            long fastFailP95Ms,
            int breakerCalls,
            long poolRejectMs,
            long poolRecoveryMs,
            long breakerCloseMs) {}

    /**
     * How much a profile does: kills and graceful stops per service, how long the database stays down, how long load
     * runs before and between faults, and how many concurrent heavy queries a pool burst sends.
     */
    public record Plan(int kills, int gracefulStops, Duration outage, Duration settle, int poolBurst) {}
}
