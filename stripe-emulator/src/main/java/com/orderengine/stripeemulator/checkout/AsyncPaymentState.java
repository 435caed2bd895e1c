package com.orderengine.stripeemulator.checkout;

/**
 * Where a delayed payment method (a bank debit, say) stands. Stripe completes such a session at once
 * with {@code payment_status=unpaid} and settles it later; this is what the hosted page shows meanwhile.
 */
public enum AsyncPaymentState {
    /** Paid by card, or not paid at all: nothing is pending. */
    NONE,
    PROCESSING,
    SUCCEEDED,
    FAILED
}
