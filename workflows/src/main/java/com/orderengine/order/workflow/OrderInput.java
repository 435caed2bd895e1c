package com.orderengine.order.workflow;

import com.orderengine.order.OrderLine;
import java.util.List;

/**
 * Everything an order workflow starts from. {@code requestFingerprint} identifies the checkout request, so an
 * Idempotency-Key reused with a different body is refused. {@code recovery} marks a workflow started for an order
 * that already exists (its workflow was lost): it loads the order and asks Stripe where the session stands.
 */
public record OrderInput(
        String orderId,
        String email,
        String currency,
        List<OrderLine> lines,
        long sessionTtlSeconds,
        String requestFingerprint,
        boolean recovery) {

    /** A new checkout. */
    public OrderInput(
            String orderId,
            String email,
            String currency,
            List<OrderLine> lines,
            long sessionTtlSeconds,
            String requestFingerprint) {
        this(orderId, email, currency, lines, sessionTtlSeconds, requestFingerprint, false);
    }

    /** Resuming an order that is already stored. */
    public static OrderInput recovery(String orderId, String currency) {
        return new OrderInput(orderId, null, currency, List.of(), 0, null, true);
    }
}
