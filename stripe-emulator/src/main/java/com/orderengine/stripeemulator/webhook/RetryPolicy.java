package com.orderengine.stripeemulator.webhook;

import java.time.Duration;

/**
 * When to try a delivery again: up to {@code maxAttempts} in all, the first retry after
 * {@code firstDelay}, each later one after twice the previous delay, never more than {@link #MAX_DELAY}.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay) {

    public static final Duration MAX_DELAY = Duration.ofMinutes(5);

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
}
