package com.orderengine.bench.payment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderengine.dev.StripeEvents;
import java.util.UUID;

/**
 * Signed {@code checkout.session.completed} events ({@link StripeEvents}, as the system tests send them): the
 * engine verifies exactly what Stripe would send.
 */
public final class SignedEvents {

    public static final String COMPLETED = "checkout.session.completed";

    private SignedEvents() {}

    /** A signed {@code checkout.session.completed} carrying the session. */
    public static SignedEvent completed(ObjectNode session, String webhookSecret) {
        String payload =
                StripeEvents.event("evt_bench_" + UUID.randomUUID().toString().replace("-", ""), COMPLETED, session);
        return new SignedEvent(payload, StripeEvents.sign(payload, webhookSecret));
    }

    /**
     * The session as a paid one reads, for a Stripe the benchmark must not pay at (a running local stack's
     * emulator would send its own webhook): complete, paid, with a payment intent.
     */
    public static ObjectNode asPaid(ObjectNode session) {
        ObjectNode paid = session.deepCopy();
        paid.put("status", "complete");
        paid.put("payment_status", "paid");
        if (!paid.path("payment_intent").isTextual()) {
            paid.put(
                    "payment_intent", "pi_bench_" + UUID.randomUUID().toString().replace("-", ""));
        }
        return paid;
    }
}
