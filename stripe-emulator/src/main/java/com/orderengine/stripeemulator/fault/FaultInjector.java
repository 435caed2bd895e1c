package com.orderengine.stripeemulator.fault;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Arms failures and delays for the next requests to an operation, to test how a client copes with Stripe
 * misbehaving, and hands them to the requests that consume them. Each kind is its own queue, consumed in order, one
 * entry per request, so a request can be both delayed and failed.
 */
public final class FaultInjector {

    private final Map<StripeOperation, Deque<Integer>> failuresBeforeExecuting = new EnumMap<>(StripeOperation.class);
    private final Map<StripeOperation, Deque<Integer>> failuresAfterExecuting = new EnumMap<>(StripeOperation.class);
    private final Map<StripeOperation, Deque<Duration>> delays = new EnumMap<>(StripeOperation.class);
    private final Map<StripeOperation, Deque<Duration>> delaysAfterExecuting = new EnumMap<>(StripeOperation.class);

    /**
     * The next {@code times} requests to {@code op} are answered with {@code httpStatus} and a
     * Stripe-shaped error without executing (429 → {@code rate_limit_error}, 5xx → {@code api_error}).
     */
    public synchronized FaultInjector failNext(StripeOperation op, int times, int httpStatus) {
        arm(failuresBeforeExecuting, requireOp(op), requireTimes(times), requireErrorStatus(httpStatus));
        return this;
    }

    /**
     * The next {@code times} requests to {@code op} execute (and their result is stored under the
     * request's idempotency key) but the client is answered with an error: a lost response.
     */
    public synchronized FaultInjector failNextAfterExecuting(StripeOperation op, int times, int httpStatus) {
        arm(failuresAfterExecuting, requireOp(op), requireTimes(times), requireErrorStatus(httpStatus));
        return this;
    }

    /** The next {@code times} requests to {@code op} wait {@code delay} before being handled. */
    public synchronized FaultInjector delayNext(StripeOperation op, int times, Duration delay) {
        arm(delays, requireOp(op), requireTimes(times), requireDelay(delay));
        return this;
    }

    /**
     * The next {@code times} requests to {@code op} execute (their result is stored under the request's
     * idempotency key) and only then is the response held for {@code delay}: Stripe did it, but the
     * client never heard, say because its process died or its read timeout struck meanwhile. A request
     * failed by {@link #failNext} does not execute, so it does not use up one of these.
     */
    public synchronized FaultInjector delayNextAfterExecuting(StripeOperation op, int times, Duration delay) {
        arm(delaysAfterExecuting, requireOp(op), requireTimes(times), requireDelay(delay));
        return this;
    }

    /** {@link #delayNextAfterExecuting(StripeOperation, int, Duration)} for the next request only. */
    public FaultInjector delayNextAfterExecuting(StripeOperation op, Duration delay) {
        return delayNextAfterExecuting(op, 1, delay);
    }

    /** Disarms every fault not yet consumed. */
    public synchronized void clear() {
        failuresBeforeExecuting.clear();
        failuresAfterExecuting.clear();
        delays.clear();
        delaysAfterExecuting.clear();
    }

    // What the HTTP layer takes, one per request to the operation.

    public synchronized OptionalInt takeFailureBeforeExecuting(StripeOperation op) {
        Integer status = poll(failuresBeforeExecuting, op);
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    public synchronized OptionalInt takeFailureAfterExecuting(StripeOperation op) {
        Integer status = poll(failuresAfterExecuting, op);
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    public synchronized Optional<Duration> takeDelay(StripeOperation op) {
        return Optional.ofNullable(poll(delays, op));
    }

    public synchronized Optional<Duration> takeDelayAfterExecuting(StripeOperation op) {
        return Optional.ofNullable(poll(delaysAfterExecuting, op));
    }

    private static StripeOperation requireOp(StripeOperation op) {
        return Objects.requireNonNull(op, "op");
    }

    private static Duration requireDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return delay;
    }

    private static int requireTimes(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        return times;
    }

    private static int requireErrorStatus(int httpStatus) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be an error status (400-599): " + httpStatus);
        }
        return httpStatus;
    }

    private static <T> void arm(Map<StripeOperation, Deque<T>> queues, StripeOperation op, int times, T fault) {
        Deque<T> queue = queues.computeIfAbsent(op, ignored -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
    }

    private static <T> T poll(Map<StripeOperation, Deque<T>> queues, StripeOperation op) {
        Deque<T> queue = queues.get(op);
        return queue == null ? null : queue.pollFirst();
    }
}
