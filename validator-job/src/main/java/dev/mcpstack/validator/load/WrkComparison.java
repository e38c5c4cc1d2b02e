package dev.mcpstack.validator.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SPEC §8 "load generator ≥ 70 % of wrk": this engine and {@code wrk} on the same URL with the same connections and
 * duration, in alternating pairs (engine, wrk, engine, wrk ...) so a machine whose speed drifts affects both alike;
 * the ratio is taken pair by pair and the median reported. {@code wrk} is an external program: absent, no figure.
 */
public final class WrkComparison {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private WrkComparison() {}

    public record Pair(double engineRate, double wrkRate) {
        public double ratio() {
            return wrkRate <= 0 ? 0 : engineRate / wrkRate;
        }
    }

    public static boolean available() {
        try {
            Process process = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static List<Pair> run(
            LoadEngine engine, URI url, int connections, Duration duration, int pairs, Consumer<String> progress) {
        List<Pair> results = new ArrayList<>();
        for (int i = 0; i < Math.min(pairs, 20); i++) {
            LoadRecorder recorder =
                    engine.runClosed(StagePlan.constant(connections, duration), LoadEngine.get("get", url), l -> {});
            double engineRate = recorder.all().total() / (duration.toMillis() / 1000.0);
            Double wrkRate = wrk(url, connections, duration);
            if (wrkRate == null) {
                progress.accept("  wrk did not report a rate; stopping the comparison");
                break;
            }
            Pair pair = new Pair(engineRate, wrkRate);
            results.add(pair);
            progress.accept(String.format(
                    Locale.ROOT,
                    "  pair %d: engine %.0f req/s, wrk %.0f req/s, ratio %.1f %%",
                    i + 1,
                    engineRate,
                    wrkRate,
                    100 * pair.ratio()));
        }
        return results;
    }

    public static double medianRatio(List<Pair> pairs) {
        List<Double> ratios = pairs.stream().map(Pair::ratio).sorted().toList();
        if (ratios.isEmpty()) {
            return 0;
        }
        int middle = ratios.size() / 2;
        return ratios.size() % 2 == 1 ? ratios.get(middle) : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
    }

    static @Nullable Double parseRate(String wrkOutput) {
        Matcher matcher = RATE.matcher(wrkOutput);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : null;
    }

    private static @Nullable Double wrk(URI url, int connections, Duration duration) {
        try {
            Process process = new ProcessBuilder(
                            "wrk",
                            "-t" + Math.max(1, Math.min(2, connections)),
                            "-c" + connections,
                            "-d" + Math.max(1, duration.toSeconds()) + "s",
                            url.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return parseRate(output);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
