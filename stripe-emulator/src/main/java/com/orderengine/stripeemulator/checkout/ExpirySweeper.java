package com.orderengine.stripeemulator.checkout;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Expires overdue open sessions every interval, as Stripe does in the background, so their events go out. */
public final class ExpirySweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);

    private final ScheduledExecutorService scheduler;

    private ExpirySweeper(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    public static ExpirySweeper start(CheckoutSessionService sessions, Duration interval) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stripe-emulator-expiry-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        scheduler.scheduleWithFixedDelay(() -> sweep(sessions), millis, millis, TimeUnit.MILLISECONDS);
        return new ExpirySweeper(scheduler);
    }

    private static void sweep(CheckoutSessionService sessions) {
        try {
            sessions.expireOverdue();
        } catch (RuntimeException e) {
            // A failed sweep must not cancel the schedule; the next one tries again.
            LOG.warn("Expiry sweep failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
