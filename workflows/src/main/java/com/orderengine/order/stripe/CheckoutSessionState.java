package com.orderengine.order.stripe;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Where a Stripe Checkout Session stands, as Stripe reports it. */
public record CheckoutSessionState(
        String id,
        String url,
        String status,
        String paymentStatus,
        String paymentIntentId,
        Long amountTotal,
        String currency,
        long expiresAtEpochSecond) {

    @JsonIgnore
    public boolean isPaid() {
        return isPaid(paymentStatus);
    }

    /** Stripe's payment statuses that mean the money is there (or none was owed). */
    public static boolean isPaid(String paymentStatus) {
        return "paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus);
    }

    /** Stripe closed it unpaid: it can no longer be paid. */
    @JsonIgnore
    public boolean isExpired() {
        return "expired".equals(status);
    }

    @JsonIgnore
    public boolean isOpen() {
        return "open".equals(status);
    }

    /** The customer finished checkout with a delayed method; the money has not arrived yet. */
    @JsonIgnore
    public boolean isAwaitingAsyncPayment() {
        return "complete".equals(status) && "unpaid".equals(paymentStatus);
    }
}
