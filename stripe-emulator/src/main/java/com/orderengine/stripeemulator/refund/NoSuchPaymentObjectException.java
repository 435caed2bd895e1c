package com.orderengine.stripeemulator.refund;

/**
 * No PaymentIntent, charge or refund has the given id. {@code objectName} is Stripe's name for the
 * kind of object ({@code payment_intent}, {@code charge}, {@code refund}), as its 404 message shows it.
 */
public final class NoSuchPaymentObjectException extends IllegalArgumentException {

    private final String objectName;
    private final String id;

    public NoSuchPaymentObjectException(String objectName, String id) {
        super("No such " + objectName + ": '" + id + "'");
        this.objectName = objectName;
        this.id = id;
    }

    public String objectName() {
        return objectName;
    }

    public String id() {
        return id;
    }
}
