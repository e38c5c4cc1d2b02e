package dev.mcpstack.validator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Command-line entry: Spring wires the suites, picocli parses the commands (see {@code cli.CommandLineEntry}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ValidatorApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(ValidatorApplication.class, args)));
    }
}
