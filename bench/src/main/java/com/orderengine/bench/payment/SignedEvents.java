package com.orderengine.bench.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.UUID;

/**
 * Stripe events around session objects, signed with stripe-java's own {@link Webhook.Signature}, as the api's
 * tests do ({@code StripeWebhooks}): the engine verifies exactly what Stripe would send.
 */
public final class SignedEvents {

    public static final String COMPLETED = "checkout.session.completed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedEvents() {}

    /** A signed {@code checkout.session.completed} carrying the session. */
    public static SignedEvent completed(ObjectNode session, String webhookSecret) {
        String payload = event("evt_bench_" + UUID.randomUUID().toString().replace("-", ""), COMPLETED, session);
        return new SignedEvent(payload, sign(payload, webhookSecret));
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

    static String event(String eventId, String type, ObjectNode object) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", Instant.now().getEpochSecond());
        event.put("type", type);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.putObject("request").putNull("id").putNull("idempotency_key");
        event.putObject("data").set("object", object);
        return event.toString();
    }

    static String sign(String payload, String secret) {
        try {
            return Webhook.Signature.generateSignatureHeader(
                    payload, secret, Instant.now().getEpochSecond());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
