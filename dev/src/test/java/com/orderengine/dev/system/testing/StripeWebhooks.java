package com.orderengine.dev.system.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderengine.dev.StripeEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads sessions from the emulator's API exactly as Stripe puts them in an event (see {@link StripeEvents}). */
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
}
