package com.orderengine.stripeemulator.refund;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one succeeded charge behind a paid Checkout Session's PaymentIntent. Checkout captures the whole
 * total at once, so {@code amount} is the session's {@code amount_total}; refunds take money back from it
 * until {@code amountRefunded} reaches {@code amount}. Immutable: a refund produces a new snapshot.
 */
public record Charge(
        String id,
        String paymentIntent,
        long amount,
        String currency,
        long amountRefunded,
        Map<String, String> metadata,
        long created) {

    public Charge {
        // Insertion order is kept so JSON shows metadata the way the session was given it.
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** What a refund can still take back. */
    public long unrefunded() {
        return amount - amountRefunded;
    }

    public boolean isFullyRefunded() {
        return amountRefunded >= amount;
    }

    /** The charge after a further refund of {@code refundAmount}. */
    public Charge refunded(long refundAmount) {
        if (refundAmount < 1 || refundAmount > unrefunded()) {
            throw new IllegalArgumentException(
                    "Cannot refund " + refundAmount + " of charge " + id + ", which has " + unrefunded() + " left");
        }
        return new Charge(id, paymentIntent, amount, currency, amountRefunded + refundAmount, metadata, created);
    }
}
