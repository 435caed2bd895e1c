package com.orderengine.order.workflow;

/** A verified Stripe webhook event, reduced to what the workflow decides on. */
public record PaymentEvent(
        String eventId,
        String type,
        String sessionId,
        String paymentStatus,
        String paymentIntentId,
        Long amountTotal,
        String currency) {

    public static final String CHECKOUT_SESSION_COMPLETED = "checkout.session.completed";
    public static final String CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded";
    public static final String CHECKOUT_SESSION_ASYNC_PAYMENT_FAILED = "checkout.session.async_payment_failed";
    public static final String CHECKOUT_SESSION_EXPIRED = "checkout.session.expired";

    /** The event types the webhook forwards to order workflows; every other type is acknowledged and dropped. */
    public static boolean isForwarded(String type) {
        return CHECKOUT_SESSION_COMPLETED.equals(type)
                || CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED.equals(type)
                || CHECKOUT_SESSION_ASYNC_PAYMENT_FAILED.equals(type)
                || CHECKOUT_SESSION_EXPIRED.equals(type);
    }
}
