package dev.mcpstack.codebase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CodebaseMcpApplication {

    public static void main(String[] args) {
        SpringApplication.run(CodebaseMcpApplication.class, args);
    }
}
