package com.orderengine.stripeemulator;

import com.orderengine.stripeemulator.fault.FaultPlan;
import java.time.Duration;
import java.util.Objects;

/**
 * Arms failures and delays for the next requests to an operation, to test how a client copes with
 * Stripe misbehaving. Armed faults are consumed in order, one per request.
 */
public final class FaultInjector {

    private final FaultPlan plan;

    FaultInjector(FaultPlan plan) {
        this.plan = plan;
    }

    /**
     * The next {@code times} requests to {@code op} are answered with {@code httpStatus} and a
     * Stripe-shaped error without executing (429 → {@code rate_limit_error}, 5xx → {@code api_error}).
     */
    public FaultInjector failNext(StripeOperation op, int times, int httpStatus) {
        plan.failBeforeExecuting(requireOp(op), requireTimes(times), requireErrorStatus(httpStatus));
        return this;
    }

    /**
     * The next {@code times} requests to {@code op} execute (and their result is stored under the
     * request's idempotency key) but the client is answered with an error: a lost response.
     */
    public FaultInjector failNextAfterExecuting(StripeOperation op, int times, int httpStatus) {
        plan.failAfterExecuting(requireOp(op), requireTimes(times), requireErrorStatus(httpStatus));
        return this;
    }

    /** The next {@code times} requests to {@code op} wait {@code delay} before being handled. */
    public FaultInjector delayNext(StripeOperation op, int times, Duration delay) {
        plan.delay(requireOp(op), requireTimes(times), requireDelay(delay));
        return this;
    }

    /**
     * The next {@code times} requests to {@code op} execute (their result is stored under the request's
     * idempotency key) and only then is the response held for {@code delay}: Stripe did it, but the
     * client never heard, say because its process died or its read timeout struck meanwhile. A request
     * failed by {@link #failNext} does not execute, so it does not use up one of these.
     */
    public FaultInjector delayNextAfterExecuting(StripeOperation op, int times, Duration delay) {
        plan.delayAfterExecuting(requireOp(op), requireTimes(times), requireDelay(delay));
        return this;
    }

    /** {@link #delayNextAfterExecuting(StripeOperation, int, Duration)} for the next request only. */
    public FaultInjector delayNextAfterExecuting(StripeOperation op, Duration delay) {
        return delayNextAfterExecuting(op, 1, delay);
    }

    /** Disarms every fault not yet consumed. */
    public void clear() {
        plan.clear();
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
}
