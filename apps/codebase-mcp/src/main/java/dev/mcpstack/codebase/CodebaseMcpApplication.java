package dev.mcpstack.codebase;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CodebaseMcpApplication {

    /** For tests: {@code @SpringBootTest(properties = CONFIG_NAME)} reads this service's own configuration file. */
    public static final String CONFIG_NAME = "spring.config.name=codebase-mcp";

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application as main runs it; tests that start this service in-process use it too. The configuration
     * file is codebase-mcp.yaml rather than application.yaml so both services can share a JVM and a class path.
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(CodebaseMcpApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "codebase-mcp"));
        return application;
    }
}
