package com.orderengine.bench.checkout;

/** An order a checkout created: its public id and its Checkout Session (the last segment of the session's url). */
public record CreatedOrder(String orderId, String sessionId) {

    public static CreatedOrder of(String orderId, String url) {
        String sessionId = url.substring(url.lastIndexOf('/') + 1);
        if (!sessionId.startsWith("cs_")) {
            throw new IllegalArgumentException("no session id at the end of " + url);
        }
        return new CreatedOrder(orderId, sessionId);
    }
}
