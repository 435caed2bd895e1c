package com.orderengine.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * Stripe events around objects read from Stripe (or the emulator), signed with stripe-java's own
 * {@link Webhook.Signature#generateSignatureHeader}: what the system tests and the benchmark send the api's
 * webhook, so it is verified against Stripe's real signing scheme.
 */
public final class StripeEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeEvents() {}

    /** An event as Stripe sends it, with {@code object} as its {@code data.object}. */
    public static String event(String eventId, String type, ObjectNode object) {
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

    /** The {@code Stripe-Signature} header for {@code payload}, signed now. */
    public static String sign(String payload, String secret) {
        return sign(payload, secret, Instant.now().getEpochSecond());
    }

    public static String sign(String payload, String secret, long timestamp) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, timestamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
