package com.orderengine.stripeemulator.checkout;

/** A Checkout Session's {@code payment_status}. */
public enum PaymentStatus {
    UNPAID("unpaid"),
    PAID("paid");

    private final String wireName;

    PaymentStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The value Stripe uses in JSON. */
    public String wireName() {
        return wireName;
    }
}
