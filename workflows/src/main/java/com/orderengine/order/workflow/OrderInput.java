package com.orderengine.order.workflow;

import java.util.List;

/**
 * Everything an order workflow starts from. {@code requestFingerprint} identifies the checkout request, so an
 * Idempotency-Key reused with a different body is refused.
 */
public record OrderInput(
        String orderId,
        String email,
        String currency,
        List<OrderLine> lines,
        long sessionTtlSeconds,
        String requestFingerprint) {
}
