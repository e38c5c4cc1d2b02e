package dev.mcpstack.validator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "validator-job",
        mixinStandardHelpOptions = true,
        description = "Proves codebase-mcp and workflow-mcp meet their targets (SPEC §6).",
        subcommands = {
            RunCommand.class,
            LaunchCommand.class,
            CompareCommand.class,
            BaselineCommand.class,
            LoadCommand.class
        })
class RootCommand implements Runnable {

    @Spec
    CommandSpec spec = CommandSpec.create();

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "Missing command: run, launch, compare, baseline save or load");
    }
}
