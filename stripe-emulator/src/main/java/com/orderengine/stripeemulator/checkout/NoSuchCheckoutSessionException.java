package com.orderengine.stripeemulator.checkout;

/** No Checkout Session has the given id. */
public final class NoSuchCheckoutSessionException extends IllegalArgumentException {

    private final String sessionId;

    public NoSuchCheckoutSessionException(String sessionId) {
        super("No such checkout.session: '" + sessionId + "'");
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }
}
