package dev.mcpstack.codebase.indexing;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The bounded worker pool for blocking archive reads and chunking, so they never run on the event loop and a burst
 * of uploads queues (bounded) instead of spawning threads.
 */
@Component
class IndexingScheduler implements DisposableBean {

    private static final int QUEUED_TASKS_PER_THREAD = 100;

    private final Scheduler scheduler;

    IndexingScheduler(IndexProperties properties) {
        int threads = Math.max(1, properties.workerThreads());
        this.scheduler = Schedulers.newBoundedElastic(threads, threads * QUEUED_TASKS_PER_THREAD, "indexing", 60, true);
    }

    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
