package com.orderengine.stripeemulator;

import com.orderengine.stripeemulator.webhook.DeliveryAttempt;
import java.time.Duration;
import java.time.Instant;

/**
 * One POST of an event to the webhook endpoint.
 *
 * @param attempt     1 for the event's first POST, counting on through retries and redeliveries
 * @param attemptedAt when it was sent, by the wall clock (not the emulator's clock option)
 * @param httpStatus  the endpoint's status code; null if it gave none, and then {@code error} says why
 * @param redelivery  whether it belongs to a redelivery asked for by {@link StripeEmulator#redeliver}
 */
public record DeliveryAttemptView(
        String eventId,
        int attempt,
        Instant attemptedAt,
        String url,
        Integer httpStatus,
        String error,
        Duration duration,
        boolean redelivery) {

    /** Any 2xx, which is what Stripe counts as delivered. */
    public boolean succeeded() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    static DeliveryAttemptView of(DeliveryAttempt attempt) {
        return new DeliveryAttemptView(
                attempt.eventId(),
                attempt.attempt(),
                Instant.ofEpochMilli(attempt.attemptedAt()),
                attempt.url(),
                attempt.httpStatus(),
                attempt.error(),
                Duration.ofMillis(attempt.durationMillis()),
                attempt.redelivery());
    }
}
