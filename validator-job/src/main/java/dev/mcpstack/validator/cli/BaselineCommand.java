package dev.mcpstack.validator.cli;

import dev.mcpstack.validator.regression.BaselineStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        description = "Manage baselines.",
        subcommands = BaselineCommand.Save.class)
class BaselineCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec = picocli.CommandLine.Model.CommandSpec.create();

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: baseline save");
    }

    /** Stores results as baseline files {@code {server_id}_{operation_type}_{timestamp}.json}. */
    @Command(name = "save", mixinStandardHelpOptions = true, description = "Store results as the new baseline.")
    static class Save implements Callable<Integer> {

        @Option(names = "--from", required = true, description = "report.json, a result file/array or a directory")
        Path from = Path.of(".");

        @Option(names = "--dir", required = true, description = "directory of baseline files")
        Path dir = Path.of(".");

        @Override
        public Integer call() {
            var written = BaselineStore.save(BaselineStore.load(from), dir);
            written.forEach(file -> Console.print("saved " + file));
            Console.print(written.size() + " baseline file(s) in " + dir);
            return written.isEmpty() ? 1 : 0;
        }
    }
}
