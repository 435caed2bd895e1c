package com.orderengine.order.workflow;

/** The stored, priced order and the Checkout Session created and recorded for it. */
public record OpenedCheckout(PricedOrder order, CheckoutSessionState session) {
}
