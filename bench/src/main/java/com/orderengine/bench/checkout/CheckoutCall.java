package com.orderengine.bench.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.bench.http.BenchHttp;
import com.orderengine.bench.load.LoadCall;
import com.orderengine.bench.load.Samples;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;

/**
 * {@code POST …/checkout} with a fresh Idempotency-Key, timed from send to the whole answer. The orders it
 * creates go to {@code created} (when given), for the payment steps.
 */
public final class CheckoutCall implements LoadCall {

    public static final String METRIC = "checkout";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchHttp http;
    private final URI endpoint;
    private final CartGenerator carts;
    private final Queue<CreatedOrder> created;

    public CheckoutCall(BenchHttp http, URI endpoint, CartGenerator carts, Queue<CreatedOrder> created) {
        this.http = http;
        this.endpoint = endpoint;
        this.carts = carts;
        this.created = created;
    }

    @Override
    public String metric() {
        return METRIC;
    }

    @Override
    public void call(Samples samples) throws Exception {
        String body = carts.next();
        Map<String, String> headers =
                Map.of("Idempotency-Key", UUID.randomUUID().toString());
        long start = System.nanoTime();
        HttpResponse<String> response = http.post(endpoint, "application/json", body, headers);
        long nanos = System.nanoTime() - start;
        String status = String.valueOf(response.statusCode());
        if (!BenchHttp.ok(response)) {
            samples.error(METRIC, status);
            return;
        }
        samples.ok(METRIC, status, nanos);
        if (created != null) {
            JsonNode answer = JSON.readTree(response.body());
            created.add(CreatedOrder.of(
                    answer.path("orderId").asText(), answer.path("url").asText()));
        }
    }

    /** One checkout outside any measurement: the payment steps make their own orders when the queue runs dry. */
    public static CreatedOrder createOne(BenchHttp http, URI endpoint, CartGenerator carts) throws Exception {
        HttpResponse<String> response = http.post(
                endpoint,
                "application/json",
                carts.next(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        if (!BenchHttp.ok(response)) {
            throw new IllegalStateException("checkout answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        return CreatedOrder.of(
                answer.path("orderId").asText(), answer.path("url").asText());
    }
}
