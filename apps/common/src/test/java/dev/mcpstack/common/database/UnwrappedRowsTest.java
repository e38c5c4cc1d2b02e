package dev.mcpstack.common.database;

import dev.mcpstack.common.testapp.TestAppTest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/** Statements still go through r2dbc-proxy (slow_query needs them; HealthAndMetricsTest proves it), rows do not. */
@TestAppTest
class UnwrappedRowsTest {

    @Autowired
    DatabaseClient db;

    @Test
    void statementsAreObservedButRowsReachTheMapperAsTheDriverMadeThem() {
        StepVerifier.create(db.sql("SELECT 1 AS one")
                        .map(row -> Proxy.isProxyClass(row.getClass()) + " "
                                + row.getClass().getPackageName())
                        .one())
                .expectNext("false io.r2dbc.postgresql")
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
