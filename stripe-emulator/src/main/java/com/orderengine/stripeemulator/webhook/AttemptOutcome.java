package com.orderengine.stripeemulator.webhook;

/** What one POST came to, before the log gives it its number. */
record AttemptOutcome(
        String eventId,
        long attemptedAt,
        String url,
        Integer httpStatus,
        String error,
        long durationMillis,
        boolean redelivery) {

    DeliveryAttempt numbered(int attempt) {
        return new DeliveryAttempt(eventId, attempt, attemptedAt, url, httpStatus, error, durationMillis, redelivery);
    }
}
