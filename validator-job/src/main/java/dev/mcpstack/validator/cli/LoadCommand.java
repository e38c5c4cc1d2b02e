package dev.mcpstack.validator.cli;

import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.load.LoadEngine;
import dev.mcpstack.validator.load.LoadRecorder;
import dev.mcpstack.validator.load.LoadResults;
import dev.mcpstack.validator.load.MachineLoad;
import dev.mcpstack.validator.load.ResourceSampler;
import dev.mcpstack.validator.load.StagePlan;
import dev.mcpstack.validator.load.WrkComparison;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.LoadTestResult;
import dev.mcpstack.validator.model.ResourceUsageStats;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Ad-hoc load against one URL, like {@code k6 run --vus N --duration D}; {@code --rate} switches to open model. */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Ad-hoc GET load against one URL.")
class LoadCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "URL to GET (127.0.0.1 recommended)")
    URI url = URI.create("http://127.0.0.1");

    @Option(names = "--vus", defaultValue = "10", description = "virtual users (closed model)")
    int vus;

    @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class)
    Duration duration = Duration.ofSeconds(10);

    @Option(names = "--rate", description = "requests per second: open model (constant arrival rate) instead of VUs")
    @Nullable
    Integer rate;

    @Option(names = "--timeout", defaultValue = "5s", converter = DurationConverter.class)
    Duration timeout = Duration.ofSeconds(5);

    @Option(
            names = "--warmup",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "closed-model load before measuring, discarded: lets the JIT compile client and server")
    Duration warmup = Duration.ofSeconds(5);

    @Option(names = "--sample-resources", description = "sample /health and /actuator/prometheus of the URL's origin")
    boolean sampleResources;

    @Option(
            names = "--vs-wrk",
            defaultValue = "0",
            description = "after the warm-up, N alternating pairs of this engine and wrk (same connections and"
                    + " duration) instead of one measured run; prints each pair's and the median ratio")
    int vsWrk;

    @Option(names = "--out", description = "write the LoadTestResult JSON here")
    @Nullable
    Path out;

    @Override
    public Integer call() throws Exception {
        if (vus < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--vus must be >= 1 and --duration > 0");
        }
        Http http = new Http(timeout);
        LoadEngine engine = new LoadEngine(timeout);
        String model = rate == null ? "closed" : "open";
        Console.progress("load " + url + " model=" + model + (rate == null ? " vus=" + vus : " rate=" + rate + "/s")
                + " duration=" + Console.seconds(duration));
        if (!warmup.isZero() && !warmup.isNegative()) {
            Console.progress("warm-up " + Console.seconds(warmup) + " (not recorded)");
            engine.runClosed(StagePlan.constant(vus, warmup), LoadEngine.get("get", url), line -> {});
        }
        if (vsWrk > 0) {
            return compareWithWrk(engine);
        }
        ResourceSampler sampler = sampleResources ? new ResourceSampler(http, List.of(url.resolve("/"))) : null;
        Instant started = Instant.now();
        long start = System.nanoTime();
        LoadRecorder stats = rate == null
                ? engine.runClosed(StagePlan.constant(vus, duration), LoadEngine.get("get", url), Console::progress)
                : engine.runOpen(rate, duration, LoadEngine.get("get", url), Console::progress);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        engine.close();
        ResourceUsageStats resources = sampler == null ? ResourceUsageStats.none("not sampled") : sampler.stop();
        LoadTestResult result = LoadResults.toResult(
                stats.all(),
                url.getHost() + ":" + url.getPort(),
                "ad-hoc GET " + url.getPath(),
                model,
                rate == null ? vus : rate,
                started,
                elapsed,
                resources);
        Console.print(String.format(
                Locale.ROOT,
                "requests=%d  failed=%d  req/s=%.1f  p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  max=%.2f ms",
                result.totalRequests(),
                result.failedRequests(),
                result.requestsPerSecond(),
                result.latencyP50Ms(),
                result.latencyP95Ms(),
                result.latencyP99Ms(),
                result.latencyMaxMs()));
        result.errorBreakdown().forEach(e -> Console.print("  error " + e.errorType() + ": " + e.count()));
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, Json.pretty(result));
            Console.print("wrote " + out);
        }
        return result.failedRequests() == 0 ? 0 : 1;
    }

    private int compareWithWrk(LoadEngine engine) {
        try (engine) {
            if (!WrkComparison.available()) {
                Console.print("wrk is not installed (Debian: apt-get install wrk): no comparison");
                return 2;
            }
            Console.progress(vsWrk + " pairs of engine and wrk, " + vus + " connections, " + Console.seconds(duration)
                    + " each (load average " + MachineLoad.loadAverages() + ")");
            List<WrkComparison.Pair> pairs = WrkComparison.run(engine, url, vus, duration, vsWrk, Console::progress);
            Console.print(String.format(
                    Locale.ROOT,
                    "engine / wrk over %d pairs: median %.1f %% (target >= 70 %%); load average %s",
                    pairs.size(),
                    100 * WrkComparison.medianRatio(pairs),
                    MachineLoad.loadAverages()));
            return pairs.isEmpty() ? 1 : 0;
        }
    }
}
