package com.orderengine.stripeemulator.persistence;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the whole state after changes, on its own thread: stores ask for a save while holding their
 * locks, so the save must neither block them nor take their locks in the opposite order. Requests
 * that arrive while a save is waiting are folded into it, and saves are at least {@link #MIN_INTERVAL}
 * apart: the state of a busy emulator (thousands of sessions, events and delivery attempts) is tens of
 * megabytes of JSON, and saving it after every change kept a core busy. {@link #close()} writes a
 * final save, so a stop loses nothing; a crash loses at most the last interval.
 */
public final class SnapshotWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);

    private final SnapshotFile file;
    private final Supplier<EmulatorSnapshot> state;
    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "stripe-emulator-snapshot-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    /** System.nanoTime() before which no save starts. */
    private volatile long nextSaveNanos = System.nanoTime();

    private final AtomicBoolean closed = new AtomicBoolean();

    public SnapshotWriter(SnapshotFile file, Supplier<EmulatorSnapshot> state) {
        this.file = file;
        this.state = state;
        // A save waiting for its interval is dropped at close: the final save covers it.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public void requestSave() {
        if (closed.get() || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(
                    () -> {
                        // Cleared before reading the state, so a change made during this save queues another one.
                        queued.set(false);
                        save();
                        nextSaveNanos = System.nanoTime() + MIN_INTERVAL.toNanos();
                    },
                    Math.max(0, nextSaveNanos - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closing: the final save in close() covers this change.
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        save();
    }

    private void save() {
        try {
            file.write(state.get());
        } catch (RuntimeException e) {
            LOG.error("Could not save the Stripe emulator's state to {}", file.path(), e);
        }
    }
}
