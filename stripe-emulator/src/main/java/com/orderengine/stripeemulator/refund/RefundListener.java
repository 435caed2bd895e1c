package com.orderengine.stripeemulator.refund;

/**
 * Told of every refund, once, in the order they were made, with the charge as it is right after it,
 * while the refund lock is held: an implementation must not call back into the refund service and
 * should not block.
 */
@FunctionalInterface
public interface RefundListener {

    RefundListener NONE = (charge, refund) -> {};

    void refunded(Charge charge, Refund refund);
}
