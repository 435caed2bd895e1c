package com.orderengine.dev.system.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * Builds Stripe events around session objects read from the emulator, and signs them with stripe-java's own
 * {@link Webhook.Signature#generateSignatureHeader}, so the api is tested against Stripe's real signing scheme.
 */
public final class StripeWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stripeBaseUrl;
    private final String secretKey;
    private final HttpClient http = HttpClient.newHttpClient();

    public StripeWebhooks(String stripeBaseUrl, String secretKey) {
        this.stripeBaseUrl = stripeBaseUrl;
        this.secretKey = secretKey;
    }

    /** The session exactly as the emulator's API returns it: the object Stripe puts in data.object. */
    public ObjectNode session(String sessionId) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(stripeBaseUrl + "/v1/checkout/sessions/" + sessionId))
                            .header("Authorization", "Bearer " + secretKey)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return (ObjectNode) JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

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
