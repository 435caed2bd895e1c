package com.orderengine.api.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Decides at once whether a webhook is handed over now or deferred (503, {@code Retry-After}) so its sender comes
 * back later. Two limits keep webhooks from crowding out checkouts:
 * <ul>
 * <li>an event created longer than {@code liveEventAge} ago is backlog, Stripe redelivering after an outage: such
 * events are taken on at most {@code backlogPerSecond}, the rest deferred at once, while live events (a customer
 * paying now) always pass;</li>
 * <li>at most {@code handOvers} webhooks are handed to Temporal at once; one more waits {@link #TURN_WAIT} at most
 * for a turn (a hand-over takes milliseconds), so a burst of live deliveries is served and a stalled Temporal
 * does not hold request threads.</li>
 * </ul>
 * A deferred event is not lost: Stripe retries it, and meanwhile the worker's recovery pass asks the order's
 * workflow to check Stripe itself.
 */
public final class WebhookAdmission {

    /** Why a webhook was deferred: it says so in the 503. */
    public enum Deferral {
        BUSY("the shop is busy with other webhooks; retry later"),
        BACKLOG("this event is part of a backlog being drained at a steady pace; retry later");

        private final String message;

        Deferral(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Held while an event is handed over; closing it frees the turn. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** How long a webhook waits for a hand-over turn before it is deferred. */
    static final Duration TURN_WAIT = Duration.ofMillis(250);

    private final Semaphore handOvers;
    private final SteadyRate backlog;
    private final Duration liveEventAge;
    private final Clock clock;

    public WebhookAdmission(int handOvers, double backlogPerSecond, Duration liveEventAge, Clock clock) {
        this.handOvers = new Semaphore(handOvers);
        this.backlog = new SteadyRate(backlogPerSecond);
        this.liveEventAge = liveEventAge;
        this.clock = clock;
    }

    /**
     * A turn to hand over an event created at {@code createdEpochSecond} (null when the event does not say, taken
     * as live), or the reason it must wait.
     */
    public Turn admit(Long createdEpochSecond) throws DeferredException {
        if (isBacklog(createdEpochSecond) && !backlog.tryTake()) {
            throw new DeferredException(Deferral.BACKLOG);
        }
        try {
            if (!handOvers.tryAcquire(TURN_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new DeferredException(Deferral.BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeferredException(Deferral.BUSY);
        }
        return handOvers::release;
    }

    boolean isBacklog(Long createdEpochSecond) {
        return createdEpochSecond != null
                && clock.instant().getEpochSecond() - createdEpochSecond > liveEventAge.toSeconds();
    }

    /**
     * One permit per interval and no saved-up burst: a backlog arrives in waves (Stripe retries many events at
     * the same moment), and taking a second's worth of them at once would stall the checkouts of that moment.
     */
    private static final class SteadyRate {
        private final long intervalNanos;
        private long next = System.nanoTime();

        SteadyRate(double perSecond) {
            this.intervalNanos = Math.round(1e9 / perSecond);
        }

        synchronized boolean tryTake() {
            long now = System.nanoTime();
            if (now - next < 0) {
                return false;
            }
            next = now + intervalNanos;
            return true;
        }
    }

    /** The event must come back later, for {@link #reason()}. */
    public static final class DeferredException extends Exception {
        private final Deferral reason;

        DeferredException(Deferral reason) {
            super(reason.message(), null, false, false);
            this.reason = reason;
        }

        public Deferral reason() {
            return reason;
        }
    }
}
