package dev.mcpstack.validator.cli;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Hands the arguments to picocli; commands are created by Spring so they get the suites injected. Exit codes: 0 all
 * checks passed, 1 a check failed, 2 bad usage, 3 the validator itself could not run.
 */
@Component
class CommandLineEntry implements CommandLineRunner, ExitCodeGenerator {

    private final AutowireCapableBeanFactory beans;
    private int exitCode;

    CommandLineEntry(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void run(String... args) {
        exitCode = withExitCodes(new CommandLine(new RootCommand(), new SpringFactory(beans)))
                .execute(commandArguments(args));
    }

    /** A command that throws prints one line and exits 3: the validator itself could not do its work. */
    static CommandLine withExitCodes(CommandLine commandLine) {
        return commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            cmd.getErr().println("validator error: " + error.getMessage());
            return 3;
        });
    }

    /** {@code --validator.x=y} and {@code --spring.x=y} are Spring properties (targets, profiles), not options. */
    static String[] commandArguments(String... args) {
        return java.util.Arrays.stream(args)
                .filter(arg -> !arg.startsWith("--validator.")
                        && !arg.startsWith("--spring.")
                        && !arg.startsWith("--logging."))
                .toArray(String[]::new);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private record SpringFactory(AutowireCapableBeanFactory beans) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.getPackageName().startsWith("dev.mcpstack.validator")) {
                return beans.createBean(type);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
