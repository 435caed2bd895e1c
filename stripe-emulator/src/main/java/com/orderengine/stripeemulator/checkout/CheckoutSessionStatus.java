package com.orderengine.stripeemulator.checkout;

/** A Checkout Session's {@code status}. */
public enum CheckoutSessionStatus {
    OPEN("open"),
    COMPLETE("complete"),
    EXPIRED("expired");

    private final String wireName;

    CheckoutSessionStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The value Stripe uses in JSON. */
    public String wireName() {
        return wireName;
    }
}
