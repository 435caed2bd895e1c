package com.orderengine.stripeemulator.refund;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refund of (part of) a charge. Card refunds succeed at once here, so there is no status to keep:
 * every refund is {@code succeeded}. {@code reason} is null when none was given.
 */
public record Refund(
        String id,
        String charge,
        String paymentIntent,
        long amount,
        String currency,
        RefundReason reason,
        Map<String, String> metadata,
        long created) {

    public Refund {
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
