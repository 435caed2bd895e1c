package com.orderengine.order.workflow;

import com.orderengine.order.PricedOrder;
import com.orderengine.order.stripe.CheckoutSessionState;

/**
 * A payment as the workflow learnt of it, from a webhook or from Stripe's answer about the session: what it must
 * match ({@code amountTotal} in minor units, {@code currency}; null when Stripe did not say), what paid, and how it
 * was learnt, for the order's detail. {@code eventId} is null when no webhook brought it.
 */
record Payment(Long amountTotal, String currency, String paymentIntentId, String how, String eventId) {

    static Payment of(PaymentEvent event) {
        return new Payment(
                event.amountTotal(),
                event.currency(),
                event.paymentIntentId(),
                "event " + event.eventId(),
                event.eventId());
    }

    static Payment of(CheckoutSessionState session, String how) {
        return new Payment(session.amountTotal(), session.currency(), session.paymentIntentId(), how, null);
    }

    boolean matches(PricedOrder order) {
        return (amountTotal == null || amountTotal == order.amountTotal())
                && (currency == null || currency.equalsIgnoreCase(order.currency()));
    }
}
