package com.orderengine.stripeemulator;

import com.orderengine.stripeemulator.refund.Refund;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read-only view of a refund for tests and tools, with Stripe's wire values: {@code reason} is
 * {@code duplicate}, {@code fraudulent}, {@code requested_by_customer} or null; {@code status} is always
 * {@code succeeded} (card refunds in test mode succeed at once); {@code created} is epoch seconds.
 *
 * @param charge the {@code ch_…} charge the money came back from
 */
public record RefundView(
        String id,
        String paymentIntent,
        String charge,
        long amount,
        String currency,
        String reason,
        String status,
        Map<String, String> metadata,
        long created) {

    public RefundView {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    static RefundView of(Refund refund) {
        return new RefundView(
                refund.id(),
                refund.paymentIntent(),
                refund.charge(),
                refund.amount(),
                refund.currency(),
                refund.reason() == null ? null : refund.reason().wireName(),
                "succeeded",
                refund.metadata(),
                refund.created());
    }
}
