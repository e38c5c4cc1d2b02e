package dev.mcpstack.validator.load;

import dev.mcpstack.validator.model.LoadTestResult.ErrorBreakdown;
import dev.mcpstack.validator.model.LoadTestResult.OperationStats;
import dev.mcpstack.validator.model.LoadTestResult.TimelinePoint;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/** Thread-safe recording of a load run: HdrHistograms in microseconds, error counts by type, a per-second timeline. */
public final class LoadStats {

    static final long HIGHEST_MICROS = 120_000_000L;
    static final String SHED = "http_503";
    static final String SHED_WITHOUT_RETRY_AFTER = "http_503_without_retry_after";

    private final Histogram all = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Map<String, Histogram> byOperation = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorsByOperation = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorsByType = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final Recorder interval = new Recorder(HIGHEST_MICROS, 3);
    private final LongAdder intervalErrors = new LongAdder();
    private final List<TimelinePoint> timeline = new ArrayList<>();

    /** Records one finished request; {@code errorType} null means success. */
    public void record(String operation, long micros, @Nullable String errorType) {
        long value = Math.max(1, Math.min(micros, HIGHEST_MICROS));
        all.recordValue(value);
        interval.recordValue(value);
        byOperation
                .computeIfAbsent(operation, k -> new ConcurrentHistogram(HIGHEST_MICROS, 3))
                .recordValue(value);
        total.increment();
        if (errorType != null) {
            intervalErrors.increment();
            errorsByType.computeIfAbsent(errorType, k -> new LongAdder()).increment();
            errorsByOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
        }
    }

    public void recordSuccess(String operation, long micros) {
        record(operation, micros, null);
    }

    /** Closes the current second of the timeline (called once a second by the run's controller). */
    public synchronized TimelinePoint tick(int second, int activeUsers) {
        Histogram histogram = interval.getIntervalHistogram();
        long errors = intervalErrors.sumThenReset();
        TimelinePoint point = new TimelinePoint(
                second,
                histogram.getTotalCount(),
                Math.min(errors, histogram.getTotalCount()),
                histogram.getTotalCount() == 0 ? 0 : millis(histogram.getValueAtPercentile(95)),
                activeUsers);
        timeline.add(point);
        return point;
    }

    public static @Nullable String classify(int status) {
        return status >= 200 && status < 400 ? null : "http_" + status;
    }

    /**
     * As {@link #classify(int)}, "" for success; a 503 without {@code Retry-After} is its own type because SPEC §5
     * sheds load only with one, and the stress check tells the two apart.
     */
    static String classify(int status, boolean retryAfter) {
        if (status == 503 && !retryAfter) {
            return SHED_WITHOUT_RETRY_AFTER;
        }
        String error = classify(status);
        return error == null ? "" : error;
    }

    public static String classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return "timeout";
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof java.io.IOException
                    || cause.getClass().getSimpleName().contains("PrematureClose")) {
                return "connection";
            }
        }
        return "other";
    }

    public long total() {
        return total.sum();
    }

    /** Failed requests as the sum of the breakdown, so the two always agree in the result. */
    public long failed() {
        return errorsByType.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Histogram histogram() {
        return all;
    }

    public synchronized List<TimelinePoint> timeline() {
        return List.copyOf(timeline);
    }

    public List<ErrorBreakdown> errorBreakdown() {
        long count = total();
        return errorsByType.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new ErrorBreakdown(
                        e.getKey(),
                        e.getValue().sum(),
                        count == 0 ? 0 : round2(100.0 * e.getValue().sum() / count)))
                .toList();
    }

    public List<OperationStats> operations() {
        return byOperation.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new OperationStats(
                        e.getKey(),
                        e.getValue().getTotalCount(),
                        errorsByOperation
                                .getOrDefault(e.getKey(), new LongAdder())
                                .sum(),
                        millis(e.getValue().getValueAtPercentile(50)),
                        millis(e.getValue().getValueAtPercentile(95)),
                        millis(e.getValue().getValueAtPercentile(99))))
                .toList();
    }

    static double millis(double micros) {
        return round2(micros / 1000.0);
    }

    static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
