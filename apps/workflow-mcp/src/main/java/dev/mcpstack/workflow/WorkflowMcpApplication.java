package dev.mcpstack.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WorkflowMcpApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkflowMcpApplication.class, args);
    }
}
