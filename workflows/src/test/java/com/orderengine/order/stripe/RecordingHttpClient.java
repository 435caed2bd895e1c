package com.orderengine.order.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * stripe-java's own HTTP client, keeping what went over the wire: the engine's classes return their own records,
 * not stripe-java's objects, so this is where the test finds the request they sent and the JSON they were sent.
 */
final class RecordingHttpClient extends HttpURLConnectionClient {

    /** One request and its answer: the form (or query) parameters as sent, flat, in Stripe's bracket notation. */
    record Exchange(
            String method,
            String path,
            Map<String, String> parameters,
            String idempotencyKey,
            int status,
            String body) {

        @Override
        public String toString() {
            return method + " " + path + " -> " + status;
        }
    }

    private final List<Exchange> exchanges = new ArrayList<>();

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        StripeResponse response = super.request(request);
        String encoded = request.content() == null
                ? request.url().getQuery()
                : request.content().stringContent();
        synchronized (exchanges) {
            exchanges.add(new Exchange(
                    request.method().name(),
                    request.url().getPath(),
                    decode(encoded),
                    request.headers().firstValue("Idempotency-Key").orElse(null),
                    response.code(),
                    response.body()));
        }
        return response;
    }

    /** The last exchange; fails when there was none, as a test that expects a request must. */
    Exchange last() {
        synchronized (exchanges) {
            if (exchanges.isEmpty()) {
                throw new AssertionError("no request has been sent through this client");
            }
            return exchanges.get(exchanges.size() - 1);
        }
    }

    /** The last exchange with its parameters, or a note that nothing reached the server, for messages. */
    String lastOrNone() {
        synchronized (exchanges) {
            return exchanges.isEmpty()
                    ? "none reached the server"
                    : exchanges.get(exchanges.size() - 1) + " "
                            + exchanges.get(exchanges.size() - 1).parameters();
        }
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            String[] parts = Arrays.copyOf(pair.split("=", 2), 2);
            parameters.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts[1] == null ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
