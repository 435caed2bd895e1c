package com.orderengine.api.order;

/** One line of an order with the unit price that was charged. */
public record OrderItemView(int productId, String name, int quantity, String unitPrice) {}
