package com.orderengine.stripeemulator.checkout;

/** The session's status does not allow the requested transition (only {@code open} sessions change). */
public final class CheckoutSessionStateException extends IllegalStateException {

    private final CheckoutSessionStatus actualStatus;

    public CheckoutSessionStateException(String message, CheckoutSessionStatus actualStatus) {
        super(message);
        this.actualStatus = actualStatus;
    }

    public CheckoutSessionStatus actualStatus() {
        return actualStatus;
    }
}
