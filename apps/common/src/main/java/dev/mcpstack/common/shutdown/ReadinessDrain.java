package dev.mcpstack.common.shutdown;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown Boot publishes readiness {@code REFUSING_TRAFFIC} and then at once stops the web server, so a load
 * balancer polling readiness never sees it go down before connections are refused. Stopped first (highest phase),
 * this waits {@code mcp.shutdown.drain} in between: readiness answers 503 while requests are still served, callers
 * move away, then graceful shutdown lets in-flight requests finish.
 */
@Component
final class ReadinessDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadinessDrain.class);

    private final Duration drain;
    private volatile boolean running;

    ReadinessDrain(@Value("${mcp.shutdown.drain:0ms}") Duration drain) {
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (drain.isZero() || drain.isNegative()) {
            return;
        }
        log.atInfo()
                .addKeyValue("event", "shutdown_drain")
                .addKeyValue("drain_ms", drain.toMillis())
                .log("Readiness is down; serving for {} ms more before the listener closes", drain.toMillis());
        // a fixed wait is the point: the shutdown thread holds the listener open this long
        long deadline = System.nanoTime() + drain.toNanos();
        for (long left = drain.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
