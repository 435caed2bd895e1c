package com.orderengine.order.workflow;

/** What the checkout update answers: the order and where the customer pays. */
public record CheckoutLink(String orderId, String url) {}
