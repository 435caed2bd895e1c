package com.orderengine.order.activities;

import com.orderengine.order.PricedOrder;
import com.orderengine.order.stripe.CheckoutSessionState;

/** The stored, priced order and the Checkout Session created and recorded for it. */
public record OpenedCheckout(PricedOrder order, CheckoutSessionState session) {}
