package dev.mcpstack.workflow;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkflowMcpApplication {

    /** For tests: {@code @SpringBootTest(properties = CONFIG_NAME)} reads this service's own configuration file. */
    public static final String CONFIG_NAME = "spring.config.name=workflow-mcp";

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application as main runs it; tests that start this service in-process use it too. The configuration
     * file is workflow-mcp.yaml rather than application.yaml so both services can share a JVM and a class path.
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(WorkflowMcpApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "workflow-mcp"));
        return application;
    }
}
