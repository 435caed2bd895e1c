package com.orderengine.stripeemulator.webhook;

import java.time.Duration;
import java.util.Random;

/**
 * When to try a delivery again: up to {@code maxAttempts} in all, the first retry after
 * {@code firstDelay}, each later one after twice the previous delay, never more than {@link #MAX_DELAY};
 * each actual wait is stretched or shrunk by up to {@link #JITTER}, so deliveries that failed together
 * (every one of them while the endpoint was down) do not all come back at the same moment.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay) {

    public static final Duration MAX_DELAY = Duration.ofMinutes(5);
    public static final double JITTER = 0.25;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("firstDelay must be positive: " + firstDelay);
        }
    }

    public boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait after the {@code attemptsMade}-th failed attempt (1-based). */
    public Duration delayAfter(int attemptsMade) {
        Duration delay = firstDelay;
        for (int i = 1; i < attemptsMade && delay.compareTo(MAX_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** {@link #delayAfter} with its jitter: a wait between 75 % and 125 % of it. */
    public Duration jitteredDelayAfter(int attemptsMade, Random random) {
        double factor = 1 - JITTER + 2 * JITTER * random.nextDouble();
        return Duration.ofMillis(Math.round(delayAfter(attemptsMade).toMillis() * factor));
    }
}
