package dev.mcpstack.common.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.common.testapp.TestAppTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.proxy.observation.ObservationProxyExecutionListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * {@code r2dbc.query} is recorded by our listener with the tags Boot's observation gave it, and that observation is
 * gone (it would record the same timer a second time). Counts are compared as "at least": the application's own
 * background work may run statements meanwhile.
 */
@TestAppTest
class QueryTimerTest {

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    @Test
    void statementsAreTimedWithConnectionThreadAndErrorTagsAndBootsObservationIsOff() {
        assertThat(context.getBeanNamesForType(ObservationProxyExecutionListener.class))
                .isEmpty();
        assertThat(context.containsBean("observationProxyConnectionFactoryCustomizer"))
                .isFalse();
        long before = successes();

        StepVerifier.create(db.sql("SELECT 1 AS one").map(row -> 1).one())
                .expectNext(1)
                .expectComplete()
                .verify(Duration.ofSeconds(10));

        assertThat(successes() - before).isPositive();
        Timer timer = meters.get("r2dbc.query")
                .tag("error", "none")
                .timers()
                .iterator()
                .next();
        assertThat(timer.getId().getTag("r2dbc.connection")).isEqualTo("PostgreSQL");
        assertThat(timer.getId().getTag("r2dbc.thread")).isNotBlank();
        assertThat(meters.find("r2dbc.query.active").meters()).isEmpty();
    }

    @Test
    void aFailedStatementIsTimedWithItsErrorClass() {
        StepVerifier.create(db.sql("SELECT 1 / 0").then()).expectError().verify(Duration.ofSeconds(10));

        assertThat(meters.find("r2dbc.query").timers())
                .anySatisfy(timer -> assertThat(timer.getId().getTag("error"))
                        .isNotEqualTo("none")
                        .isNotBlank());
    }

    private long successes() {
        return meters.find("r2dbc.query").tag("error", "none").timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }
}
