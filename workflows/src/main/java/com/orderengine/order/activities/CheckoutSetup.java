package com.orderengine.order.activities;

/**
 * The openCheckout activity's input. {@code sessionExpiresAtEpochSecond} comes from workflow time, so every attempt
 * asks Stripe for the same session under the same idempotency key.
 */
public record CheckoutSetup(NewOrder order, long sessionExpiresAtEpochSecond) {}
