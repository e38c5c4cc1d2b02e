package dev.mcpstack.validator.benchmarks;

import dev.mcpstack.validator.config.ValidatorProperties.Profile;
import java.time.Duration;

/**
 * How much unrecorded work runs before each measured benchmark. The services are freshly started JVMs; without it the
 * figures are those of the interpreter and C1 code (2-3× the per-module benchmarks, which warm up the same way).
 * Derived from the profile's own sizes so it stays proportionate: a repository a fifth the size of the measured one
 * (2 000 files for 10 000, as in the codebase-mcp benchmark) and as many requests as will be measured, so
 * {@code smoke} stays small. Counts alone were not enough: 100 switches left one client's p95 at 11.7 ms where the
 * same requests measured 4.2 ms half a minute later in the same run, so the request benchmarks first run {@code time}
 * of unrecorded load from {@code clients} concurrent clients (the profile's {@code warmup-time}).
 */
record Warmup(int files, int searches, int projectSwitches, int entityQueries, Duration time, int clients) {

    static Warmup of(Profile profile) {
        return new Warmup(
                Math.max(1, profile.files() / 5),
                Math.max(0, profile.searches()),
                Math.max(0, profile.projectSwitches()),
                Math.max(0, profile.entityQueries()),
                profile.warmupTime(),
                Math.max(1, profile.searchClients()));
    }
}
