package dev.mcpstack.validator.benchmarks;

import dev.mcpstack.validator.config.ValidatorProperties.Profile;

/**
 * How much unrecorded work runs before each measured benchmark. The services are freshly started JVMs; without it the
 * figures are those of the interpreter and C1 code (2-3× the per-module benchmarks, which warm up the same way).
 * Derived from the profile's own sizes so it stays proportionate: a repository a fifth the size of the measured one
 * (2 000 files for 10 000, as in the codebase-mcp benchmark) and as many requests as will be measured, so
 * {@code smoke} stays small.
 */
record Warmup(int files, int searches, int projectSwitches, int entityQueries) {

    static Warmup of(Profile profile) {
        return new Warmup(
                Math.max(1, profile.files() / 5),
                Math.max(0, profile.searches()),
                Math.max(0, profile.projectSwitches()),
                Math.max(0, profile.entityQueries()));
    }
}
