package com.orderengine.order.activities;

import com.orderengine.order.PricedOrder;
import com.orderengine.order.stripe.CheckoutSessionState;

/** An order as the database holds it, for a workflow that resumes it; {@code session} is null when none was stored. */
public record StoredOrder(PricedOrder order, String status, CheckoutSessionState session) {}
