package com.orderengine.stripeemulator.checkout;

/**
 * Told of every session transition, once, in the order they happened, while the transition lock is
 * held: an implementation must not call back into the checkout services and should not block.
 */
@FunctionalInterface
public interface CheckoutSessionListener {

    CheckoutSessionListener NONE = (session, transition) -> {};

    void transitioned(CheckoutSession session, CheckoutSessionTransition transition);

    /** Tells this listener, then {@code next}: for work whose result the next one relies on. */
    default CheckoutSessionListener andThen(CheckoutSessionListener next) {
        return (session, transition) -> {
            transitioned(session, transition);
            next.transitioned(session, transition);
        };
    }
}
