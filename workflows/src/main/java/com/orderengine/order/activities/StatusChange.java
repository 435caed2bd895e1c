package com.orderengine.order.activities;

import com.orderengine.order.OrderStatus;

/** The transition activity's input: move the order, say why, and name the Stripe event behind it. */
public record StatusChange(
        String orderId, OrderStatus to, String detail, String stripeEventId, String paymentIntentId) {}
