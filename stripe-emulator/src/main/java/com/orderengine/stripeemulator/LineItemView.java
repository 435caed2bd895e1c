package com.orderengine.stripeemulator;

/** One line of a Checkout Session as seen through {@link CheckoutSessionView}. */
public record LineItemView(String name, long unitAmount, long quantity, String currency) {}
