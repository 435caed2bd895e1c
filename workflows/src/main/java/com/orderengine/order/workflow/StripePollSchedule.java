package com.orderengine.order.workflow;

import java.time.Duration;
import java.util.Random;

/**
 * The waits between Stripe polls: {@code first}, then doubling up to {@code max}, each stretched or shrunk by up
 * to {@code jitter} (0.2 = ±20 %). In a workflow the random source must be {@code Workflow.newRandom()}, so a replay
 * waits exactly as the original run did.
 */
final class StripePollSchedule {

    /**
     * An order's schedule: Stripe is asked about the session in case its webhook was lost about 10 and 30 minutes
     * after the session was created (each wait ±20 %, doubling up to an hour, none in the last 10 minutes), and
     * always at the deadline. A poll costs a timer, an activity, two workflow tasks and a Stripe request, as much as
     * the checkout itself, and most sessions are never paid; so it polls twice an hour at most, spread out so that a
     * burst of checkouts does not poll in a burst.
     */
    static final Duration FIRST_POLL = Duration.ofMinutes(10);

    static final Duration MAX_POLL = Duration.ofMinutes(60);
    static final double JITTER = 0.2;

    private final Duration max;
    private final double jitter;
    private final Random random;
    private Duration interval;

    StripePollSchedule(Duration first, Duration max, double jitter, Random random) {
        if (jitter < 0 || jitter >= 1 || (jitter > 0 && random == null)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), with a random source when above 0");
        }
        this.max = max;
        this.jitter = jitter;
        this.random = random;
        this.interval = first;
    }

    /** An order's schedule, with the workflow's random source. */
    static StripePollSchedule forOrder(Random random) {
        return new StripePollSchedule(FIRST_POLL, MAX_POLL, JITTER, random);
    }

    /**
     * When to poll next, from {@code nowMillis}; {@code Long.MAX_VALUE} when that would come within
     * {@link #FIRST_POLL} of the deadline, which asks Stripe anyway.
     */
    long nextPollMillis(long nowMillis, long deadlineMillis) {
        long next = nowMillis + next().toMillis();
        return next > deadlineMillis - FIRST_POLL.toMillis() ? Long.MAX_VALUE : next;
    }

    /** The wait before the next poll. */
    Duration next() {
        Duration wait = interval;
        interval = interval.multipliedBy(2).compareTo(max) > 0 ? max : interval.multipliedBy(2);
        if (jitter == 0) {
            return wait;
        }
        double factor = 1 - jitter + 2 * jitter * random.nextDouble();
        return Duration.ofMillis(Math.round(wait.toMillis() * factor));
    }
}
