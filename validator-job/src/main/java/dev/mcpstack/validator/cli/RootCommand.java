package dev.mcpstack.validator.cli;

import picocli.CommandLine.Command;

@Command(
        name = "validator-job",
        mixinStandardHelpOptions = true,
        description = "Proves codebase-mcp and workflow-mcp meet their targets (SPEC §6).",
        subcommands = {RunCommand.class, CompareCommand.class, BaselineCommand.class, LoadCommand.class})
class RootCommand {}
