package com.orderengine.api.checkout;

/** The order reference and the Stripe Checkout URL to send the customer to. */
public record CheckoutResponse(String orderId, String url) {}
