package com.orderengine.order.db;

/** A pending order with a checkout session: one whose workflow must be running. */
public record PendingOrder(int id, String reference, String currency, String stripeSessionId) {}
