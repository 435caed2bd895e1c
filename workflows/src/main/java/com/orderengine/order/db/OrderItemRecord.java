package com.orderengine.order.db;

import java.math.BigDecimal;

/** A row of {@code order_items}; {@code price} is the unit price charged. */
public record OrderItemRecord(int productId, String productName, int quantity, BigDecimal price) {}
