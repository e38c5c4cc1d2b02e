package dev.mcpstack.common.database;

/**
 * The pool as {@code /health} shows it. Utilization is connections in use over {@code max_size} (not over the
 * current size, which would read 100 % on a small idle-trimmed pool that still has room to grow).
 *
 * @param size connections currently open in the pool
 * @param minSize configured minimum (min-idle, else initial-size)
 * @param maxSize configured maximum
 * @param free open connections not in use
 * @param acquired connections in use
 * @param pending callers waiting for a connection
 * @param exhausted all connections in use and callers waiting (or an acquire timed out moments ago)
 */
public record PoolSnapshot(int size, int minSize, int maxSize, int free, int acquired, int pending, boolean exhausted) {

    public static final PoolSnapshot NONE = new PoolSnapshot(0, 0, 0, 0, 0, 0, false);

    public double utilizationPercent() {
        return maxSize == 0 ? 0 : Math.round(10_000.0 * acquired / maxSize) / 100.0;
    }
}
