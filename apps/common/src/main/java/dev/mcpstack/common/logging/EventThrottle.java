package dev.mcpstack.common.logging;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Lets a log event through at most once per interval per event name, and counts what it held back so the next
 * line can say how many were suppressed: a hot loop (pool exhausted under load) cannot flood the log. Hand-written
 * because it is a few lines on one timestamp per event; a rate-limiter library would add a dependency for less.
 */
@Component
public final class EventThrottle {

    private final long intervalNanos;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    @Autowired
    public EventThrottle(LogProperties properties) {
        this(properties.eventInterval(), System::nanoTime);
    }

    EventThrottle(Duration interval, LongSupplier clock) {
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    /**
     * @return -1 when the event must not be logged now; otherwise how many occurrences were suppressed since the
     *     last one that was logged (0 or more)
     */
    public long tryAcquire(String event) {
        Window window = windows.computeIfAbsent(event, name -> new Window());
        long now = clock.getAsLong();
        long last = window.lastLogged.get();
        if (last != Long.MIN_VALUE && now - last < intervalNanos) {
            window.suppressed.incrementAndGet();
            return -1;
        }
        if (!window.lastLogged.compareAndSet(last, now)) {
            window.suppressed.incrementAndGet();
            return -1;
        }
        return window.suppressed.getAndSet(0);
    }

    /** Forgets an event's window, so its next occurrence is logged at once (a new episode has begun). */
    public void reset(String event) {
        windows.remove(event);
    }

    private static final class Window {
        final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong suppressed = new AtomicLong();
    }
}
