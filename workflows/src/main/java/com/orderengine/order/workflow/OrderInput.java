package com.orderengine.order.workflow;

import com.orderengine.order.OrderLine;
import java.util.List;

/**
 * Everything an order workflow starts from. {@code requestFingerprint} identifies the checkout request, so an
 * Idempotency-Key reused with a different body is refused. {@code recovery} marks a workflow started for an order
 * that already exists (its workflow was lost): it loads the order and asks Stripe where the session stands.
 * {@code userId} is the signed-in customer's account, null for a guest checkout.
 */
public record OrderInput(
        String orderId,
        String email,
        Integer userId,
        String currency,
        List<OrderLine> lines,
        long sessionTtlSeconds,
        String requestFingerprint,
        boolean recovery) {

    /** A new checkout. */
    public OrderInput(
            String orderId,
            String email,
            Integer userId,
            String currency,
            List<OrderLine> lines,
            long sessionTtlSeconds,
            String requestFingerprint) {
        this(orderId, email, userId, currency, lines, sessionTtlSeconds, requestFingerprint, false);
    }

    /** A new guest checkout. */
    public OrderInput(
            String orderId,
            String email,
            String currency,
            List<OrderLine> lines,
            long sessionTtlSeconds,
            String requestFingerprint) {
        this(orderId, email, null, currency, lines, sessionTtlSeconds, requestFingerprint);
    }

    /** Resuming an order that is already stored. */
    public static OrderInput recovery(String orderId, String currency) {
        return new OrderInput(orderId, null, null, currency, List.of(), 0, null, true);
    }
}
