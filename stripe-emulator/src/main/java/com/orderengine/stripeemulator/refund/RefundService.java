package com.orderengine.stripeemulator.refund;

import com.orderengine.stripeemulator.checkout.CheckoutSessionService;
import com.orderengine.stripeemulator.support.Money;
import com.orderengine.stripeemulator.support.RandomIds;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Refunds, as the merchant makes them through the API or the dashboard. Refunds run one at a time, so
 * two concurrent refunds of the same charge cannot both take its last cent, and each one is announced
 * to the listener before the next begins. Knows nothing of HTTP; callers translate its exceptions.
 */
public final class RefundService {

    private final ChargeStore charges;
    private final RefundStore refunds;
    private final CheckoutSessionService sessions;
    private final Clock clock;
    private final RefundListener listener;
    private final Object lock = new Object();

    public RefundService(
            ChargeStore charges,
            RefundStore refunds,
            CheckoutSessionService sessions,
            Clock clock,
            RefundListener listener) {
        this.charges = charges;
        this.refunds = refunds;
        this.sessions = sessions;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Refunds {@code request.amount()}, or all that is left, of the charge named directly or through its
     * PaymentIntent.
     *
     * @throws NoSuchPaymentObjectException if there is no such PaymentIntent or charge
     * @throws RefundRefusedException       if there is nothing (or not that much) to refund
     */
    public Refund create(NewRefund request) {
        synchronized (lock) {
            Charge charge = chargeFor(request);
            if (charge.isFullyRefunded()) {
                throw new RefundRefusedException(
                        RefundRefusedException.Refusal.ALREADY_REFUNDED,
                        "Charge " + charge.id() + " has already been refunded.");
            }
            long amount = request.amount() != null ? request.amount() : charge.unrefunded();
            if (amount > charge.unrefunded()) {
                throw new RefundRefusedException(
                        RefundRefusedException.Refusal.AMOUNT_TOO_LARGE,
                        "Refund amount (" + Money.format(amount, charge.currency()) + ") is greater than unrefunded "
                                + "amount on charge (" + Money.format(charge.unrefunded(), charge.currency()) + ")");
            }
            Charge after = charges.update(charge.id(), current -> current.refunded(amount))
                    .orElseThrow();
            Refund refund = new Refund(
                    RandomIds.refund(),
                    charge.id(),
                    charge.paymentIntent(),
                    amount,
                    charge.currency(),
                    request.reason(),
                    request.metadata(),
                    clock.instant().getEpochSecond());
            refunds.add(refund);
            listener.refunded(after, refund);
            return refund;
        }
    }

    /** What the dashboard's "Refund payment" does: all that is left, no reason. */
    public Refund refundInFull(String paymentIntent) {
        return create(NewRefund.inFull(paymentIntent));
    }

    public Optional<Refund> find(String id) {
        return refunds.find(id);
    }

    public Refund retrieve(String id) {
        return find(id).orElseThrow(() -> new NoSuchPaymentObjectException("refund", id));
    }

    /** Oldest first. */
    public List<Refund> all() {
        return refunds.all();
    }

    /** Newest first, as {@code GET /v1/refunds} lists them. */
    public List<Refund> newestFirst() {
        return refunds.newestFirst();
    }

    /** The succeeded charge of a PaymentIntent; empty until its payment has succeeded. */
    public Optional<Charge> chargeOf(String paymentIntent) {
        return charges.findByPaymentIntent(paymentIntent);
    }

    private Charge chargeFor(NewRefund request) {
        if (request.charge() != null) {
            return charges.find(request.charge())
                    .orElseThrow(() -> new NoSuchPaymentObjectException("charge", request.charge()));
        }
        String paymentIntent = request.paymentIntent();
        Optional<Charge> charge = charges.findByPaymentIntent(paymentIntent);
        if (charge.isPresent()) {
            return charge.get();
        }
        if (sessions.findByPaymentIntent(paymentIntent).isEmpty()) {
            throw new NoSuchPaymentObjectException("payment_intent", paymentIntent);
        }
        throw new RefundRefusedException(
                RefundRefusedException.Refusal.NO_SUCCESSFUL_CHARGE,
                "This PaymentIntent does not have a successful charge to refund.");
    }
}
