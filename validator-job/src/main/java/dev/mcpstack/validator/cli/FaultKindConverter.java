package dev.mcpstack.validator.cli;

import dev.mcpstack.validator.model.FaultKind;
import picocli.CommandLine;

/** Fault kinds as the reports spell them ({@code database_outage}), which picocli's enum conversion does not take. */
final class FaultKindConverter implements CommandLine.ITypeConverter<FaultKind> {
    @Override
    public FaultKind convert(String value) {
        return FaultKind.parse(value.trim());
    }
}
