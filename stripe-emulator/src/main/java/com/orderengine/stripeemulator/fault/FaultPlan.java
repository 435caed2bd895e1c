package com.orderengine.stripeemulator.fault;

import com.orderengine.stripeemulator.StripeOperation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Faults armed for the next requests to each operation. Each kind is its own queue, consumed one
 * entry per request, so a request can be both delayed and failed.
 */
public final class FaultPlan {

    private final Map<StripeOperation, Deque<Integer>> failuresBeforeExecuting = new EnumMap<>(StripeOperation.class);
    private final Map<StripeOperation, Deque<Integer>> failuresAfterExecuting = new EnumMap<>(StripeOperation.class);
    private final Map<StripeOperation, Deque<Duration>> delays = new EnumMap<>(StripeOperation.class);
    private final Map<StripeOperation, Deque<Duration>> delaysAfterExecuting = new EnumMap<>(StripeOperation.class);

    public synchronized void failBeforeExecuting(StripeOperation op, int times, int httpStatus) {
        arm(failuresBeforeExecuting, op, times, httpStatus);
    }

    public synchronized void failAfterExecuting(StripeOperation op, int times, int httpStatus) {
        arm(failuresAfterExecuting, op, times, httpStatus);
    }

    public synchronized void delay(StripeOperation op, int times, Duration delay) {
        arm(delays, op, times, delay);
    }

    public synchronized void delayAfterExecuting(StripeOperation op, int times, Duration delay) {
        arm(delaysAfterExecuting, op, times, delay);
    }

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

    public synchronized void clear() {
        failuresBeforeExecuting.clear();
        failuresAfterExecuting.clear();
        delays.clear();
        delaysAfterExecuting.clear();
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
