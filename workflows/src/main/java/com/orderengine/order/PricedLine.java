package com.orderengine.order;

import java.math.BigDecimal;

/** One order line priced from {@code products}: the decimal price for the database, minor units for Stripe. */
public record PricedLine(int productId, String name, int quantity, BigDecimal unitPrice, long unitAmount) {
}
