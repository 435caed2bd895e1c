package com.orderengine.stripeemulator.checkout;

import com.orderengine.stripeemulator.support.RandomIds;

/**
 * What the customer (or the bank behind a delayed payment method) does to a session on the hosted
 * page. {@code email} is what the customer typed; a {@code customer_email} fixed at creation wins,
 * as Stripe shows it read-only.
 */
public final class CheckoutPayments {

    private static final String COMPLETE_RULE = "Only Checkout Sessions with a status in [\"open\"] can be completed.";

    private final SessionTransitions transitions;

    CheckoutPayments(SessionTransitions transitions) {
        this.transitions = transitions;
    }

    /** A card payment that succeeds at once. */
    public CheckoutSession pay(String id, String email) {
        return transitions.apply(
                id,
                session -> {
                    StateRules.requireOpen(session, COMPLETE_RULE);
                    return session.paid(RandomIds.paymentIntent(), payerEmail(session, email));
                },
                CheckoutSessionTransition.COMPLETED);
    }

    /** A delayed method: the session completes unpaid and is settled or failed later. */
    public CheckoutSession payLater(String id, String email) {
        return transitions.apply(
                id,
                session -> {
                    StateRules.requireOpen(session, COMPLETE_RULE);
                    return session.awaitingAsyncPayment(RandomIds.paymentIntent(), payerEmail(session, email));
                },
                CheckoutSessionTransition.COMPLETED);
    }

    public CheckoutSession settleAsyncPayment(String id) {
        return transitions.apply(
                id,
                session -> {
                    StateRules.requireAwaitingAsyncPayment(session, "settled");
                    return session.asyncPaymentSucceeded();
                },
                CheckoutSessionTransition.ASYNC_PAYMENT_SUCCEEDED);
    }

    public CheckoutSession failAsyncPayment(String id) {
        return transitions.apply(
                id,
                session -> {
                    StateRules.requireAwaitingAsyncPayment(session, "failed");
                    return session.asyncPaymentFailed();
                },
                CheckoutSessionTransition.ASYNC_PAYMENT_FAILED);
    }

    /** A declined card changes nothing at Stripe: the session stays open for another try. */
    public CheckoutSession decline(String id) {
        CheckoutSession session =
                transitions.expireIfOverdue(id).orElseThrow(() -> new NoSuchCheckoutSessionException(id));
        StateRules.requireOpen(session, COMPLETE_RULE);
        return session;
    }

    private static String payerEmail(CheckoutSession session, String typed) {
        if (session.customerEmail() != null) {
            return session.customerEmail();
        }
        return typed == null || typed.isBlank() ? null : typed.trim();
    }
}
