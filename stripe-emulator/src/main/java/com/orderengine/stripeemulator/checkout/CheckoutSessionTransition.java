package com.orderengine.stripeemulator.checkout;

/** A state change of a session that Stripe announces with an event of {@link #eventType()}. */
public enum CheckoutSessionTransition {
    COMPLETED("checkout.session.completed"),
    ASYNC_PAYMENT_SUCCEEDED("checkout.session.async_payment_succeeded"),
    ASYNC_PAYMENT_FAILED("checkout.session.async_payment_failed"),
    EXPIRED("checkout.session.expired");

    private final String eventType;

    CheckoutSessionTransition(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
