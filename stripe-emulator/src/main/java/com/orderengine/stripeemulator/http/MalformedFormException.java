package com.orderengine.stripeemulator.http;

/** The form body cannot be decoded into Stripe's nested parameter structure. */
public final class MalformedFormException extends IllegalArgumentException {

    public MalformedFormException(String message) {
        super(message);
    }
}
