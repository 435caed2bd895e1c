package com.orderengine.bench.results;

/** The duplicate storm: one signed event sent {@code deliveries} times; the order must move to paid exactly once. */
public record StormResult(
        String orderId, int deliveries, int parallelism, StepResult step, String finalStatus, long paidTransitions) {}
