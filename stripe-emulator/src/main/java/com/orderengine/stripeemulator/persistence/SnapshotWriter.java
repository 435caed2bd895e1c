package com.orderengine.stripeemulator.persistence;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the whole state after changes, on its own thread: stores ask for a save while holding their
 * locks, so the save must neither block them nor take their locks in the opposite order. Requests
 * that arrive while a save is waiting are folded into it; {@link #close()} writes a final save.
 */
public final class SnapshotWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);

    private final SnapshotFile file;
    private final Supplier<EmulatorSnapshot> state;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stripe-emulator-snapshot-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public SnapshotWriter(SnapshotFile file, Supplier<EmulatorSnapshot> state) {
        this.file = file;
        this.state = state;
    }

    public void requestSave() {
        if (closed.get() || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                // Cleared before reading the state, so a change made during this save queues another one.
                queued.set(false);
                save();
            });
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
