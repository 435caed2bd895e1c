package com.orderengine.order.workflow;

import java.time.Duration;
import java.util.Random;

/**
 * The waits between Stripe polls: {@code first}, then doubling up to {@code max}, each stretched or shrunk by up
 * to {@code jitter} (0.2 = ±20 %). In a workflow the random source must be {@code Workflow.newRandom()}, so a replay
 * waits exactly as the original run did.
 */
final class StripePollSchedule {

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
