package dev.mcpstack.common.testapp;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A stand-in service with a tiny table, so mcp-common is tested the way the real services use it. */
@SpringBootApplication
public class TestApp {

    /** For {@code @SpringBootTest(properties = CONFIG_NAME)}: reads test-mcp.yaml. */
    public static final String CONFIG_NAME = "spring.config.name=test-mcp";

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(TestApp.class);
        application.setDefaultProperties(Map.of("spring.config.name", "test-mcp"));
        return application;
    }
}
