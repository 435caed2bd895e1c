package com.orderengine.bench.payment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderengine.bench.checkout.CreatedOrder;
import com.orderengine.bench.stack.Target;

/**
 * Makes the signed {@code checkout.session.completed} for an order: pays its session at the emulator (when that
 * emulator sends no webhooks itself), reads the session back, wraps and signs it. None of this is timed.
 */
public final class PaidEvents {

    private final StripeSessions stripe;
    private final Target target;

    public PaidEvents(StripeSessions stripe, Target target) {
        this.stripe = stripe;
        this.target = target;
    }

    public SignedEvent forOrder(CreatedOrder order) throws Exception {
        ObjectNode session;
        if (target.payAtEmulator()) {
            stripe.pay(order.sessionId());
            session = stripe.session(order.sessionId());
        } else {
            session = SignedEvents.asPaid(stripe.session(order.sessionId()));
        }
        if (!order.orderId().equals(session.path("client_reference_id").asText())) {
            throw new IllegalStateException("session " + order.sessionId() + " does not name order " + order.orderId());
        }
        return SignedEvents.completed(session, target.webhookSecret());
    }
}
