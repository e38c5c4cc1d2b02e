package dev.mcpstack.validator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the validation suites.")
class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 3;
    }
}
