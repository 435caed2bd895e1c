package com.orderengine.order.activities;

/** Give back a payment in full; {@code reason} says why, for Stripe's metadata and the order's record. */
public record RefundRequest(String orderId, String paymentIntentId, String reason) {}
