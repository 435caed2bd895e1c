package com.orderengine.order.activities;

import com.orderengine.order.db.RefundRecord;
import com.orderengine.order.stripe.CheckoutSessionState;
import io.temporal.activity.ActivityInterface;

/**
 * Everything the order workflow does to the outside world: the database, Stripe and the mail to the customer. Each
 * call is idempotent.
 */
@ActivityInterface
public interface OrderActivities {

    /**
     * Everything a checkout needs before the customer can pay, in one activity: prices the lines from
     * {@code products} and stores the order and its items, creates the Checkout Session under an idempotency key
     * derived from the order, and records it. Each step is idempotent, so a retry after a crash anywhere in between
     * repeats nothing: the stored order and Stripe's idempotency key answer the same.
     */
    OpenedCheckout openCheckout(CheckoutSetup setup);

    CheckoutSessionState retrieveCheckoutSession(String sessionId);

    /** Expires an open session; answers the session's current state when it was no longer open. */
    CheckoutSessionState expireCheckoutSession(String orderId, String sessionId);

    /** The stored order, its status and session, for a workflow resuming it; null when there is no such order. */
    StoredOrder loadOrder(String orderId);

    /**
     * Refunds the payment in full under an idempotency key derived from the order and payment, and records it;
     * a payment already refunded (by us earlier, or at Stripe) answers the recorded refund instead.
     */
    RefundRecord refundPayment(RefundRequest request);

    /** Applies the change if the order's current status allows it; false when nothing moved. */
    boolean changeStatus(StatusChange change);

    /**
     * Adds the paid order's confirmation to the outgoing mail, composed from the order as stored; the worker's
     * relay sends it. One per order: false when an earlier attempt added it.
     */
    boolean mailConfirmation(String orderId);

    /** Adds the notice that a payment after the order closed was refunded in full; one per order, as above. */
    boolean mailLateRefund(String orderId, RefundRecord refund);
}
