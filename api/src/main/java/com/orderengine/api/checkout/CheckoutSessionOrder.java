package com.orderengine.api.checkout;

/** Which order a Stripe Checkout Session belongs to: what the success page starts from. */
public record CheckoutSessionOrder(String orderId, String status) {}
