package com.orderengine.stripeemulator.refund;

import java.util.Map;

/**
 * A validated request to refund: exactly one of {@code paymentIntent} and {@code charge} names what to
 * refund; {@code amount} null means everything not yet refunded; {@code reason} may be null.
 */
public record NewRefund(
        String paymentIntent, String charge, Long amount, RefundReason reason, Map<String, String> metadata) {

    public NewRefund {
        if ((paymentIntent == null) == (charge == null)) {
            throw new IllegalArgumentException("Exactly one of paymentIntent and charge must be given");
        }
        if (amount != null && amount < 1) {
            throw new IllegalArgumentException("A refund's amount must be positive: " + amount);
        }
        metadata = metadata == null ? Map.of() : metadata;
    }

    /** What the dashboard's "Refund payment" does: everything left, no reason, no metadata. */
    public static NewRefund inFull(String paymentIntent) {
        return new NewRefund(paymentIntent, null, null, null, Map.of());
    }
}
