package com.orderengine.stripeemulator.webhook;

/**
 * One POST of an event to the endpoint.
 *
 * @param attempt       1 for the event's first POST, counting on through retries and redeliveries
 * @param attemptedAt   when it was sent, epoch milliseconds (wall clock)
 * @param httpStatus    the endpoint's answer; null if none came ({@code error} says why)
 * @param redelivery    part of a redelivery an operator asked for, not of the original delivery
 */
public record DeliveryAttempt(
        String eventId,
        int attempt,
        long attemptedAt,
        String url,
        Integer httpStatus,
        String error,
        long durationMillis,
        boolean redelivery) {

    /** Stripe counts any 2xx as delivered. */
    public boolean succeeded() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }
}
