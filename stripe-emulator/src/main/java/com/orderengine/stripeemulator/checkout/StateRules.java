package com.orderengine.stripeemulator.checkout;

/** The preconditions of transitions, worded like Stripe's errors. */
final class StateRules {

    private StateRules() {}

    static void requireOpen(CheckoutSession session, String rule) {
        if (!session.isOpen()) {
            throw new CheckoutSessionStateException(
                    rule + " This Checkout Session has a status of `"
                            + session.status().wireName() + "`.",
                    session.status());
        }
    }

    static void requireAwaitingAsyncPayment(CheckoutSession session, String action) {
        if (!session.isAwaitingAsyncPayment()) {
            throw new CheckoutSessionStateException(
                    "Only Checkout Sessions completed with a delayed payment "
                            + "method that is still processing can be " + action
                            + ". This Checkout Session has a status "
                            + "of `" + session.status().wireName() + "` and a payment_status of `"
                            + session.paymentStatus().wireName() + "`.",
                    session.status());
        }
    }
}
