package dev.mcpstack.codebase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * The service on a random port, with its own configuration file, against the JVM's shared embedded PostgreSQL; tests
 * inject {@link Api} (or the plain {@code WebTestClient}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(Api.class)
public @interface CodebaseMcpTest {

    /** Extra properties; the configuration name is always added. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {CodebaseMcpApplication.CONFIG_NAME};
}
