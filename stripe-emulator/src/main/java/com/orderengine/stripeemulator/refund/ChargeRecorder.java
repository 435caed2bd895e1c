package com.orderengine.stripeemulator.refund;

import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.CheckoutSessionListener;
import com.orderengine.stripeemulator.checkout.CheckoutSessionTransition;
import com.orderengine.stripeemulator.checkout.PaymentStatus;
import com.orderengine.stripeemulator.support.RandomIds;
import java.time.Clock;
import java.util.List;

/**
 * Gives a session's PaymentIntent its succeeded charge when the money arrives: at once for a card,
 * when a delayed payment settles. Whatever the transition, the rule is the session's state: paid, with
 * a PaymentIntent that has no charge yet.
 */
public final class ChargeRecorder implements CheckoutSessionListener {

    private final ChargeStore charges;
    private final Clock clock;

    public ChargeRecorder(ChargeStore charges, Clock clock) {
        this.charges = charges;
        this.clock = clock;
    }

    @Override
    public void transitioned(CheckoutSession session, CheckoutSessionTransition transition) {
        chargeIfPaid(session);
    }

    /**
     * Sessions paid in a state file written before charges were recorded get theirs on load, so they
     * can be refunded like any other; the charge is dated at load, the payment's time being unknown.
     */
    public void chargeUncharged(List<CheckoutSession> sessions) {
        sessions.forEach(this::chargeIfPaid);
    }

    private void chargeIfPaid(CheckoutSession session) {
        // A free session moves no money; Stripe makes no charge for it either.
        if (session.paymentStatus() != PaymentStatus.PAID
                || session.paymentIntent() == null
                || session.amountTotal() == 0) {
            return;
        }
        charges.addIfUncharged(new Charge(
                RandomIds.charge(),
                session.paymentIntent(),
                session.amountTotal(),
                session.currency(),
                0,
                session.metadata(),
                clock.instant().getEpochSecond()));
    }
}
