package com.orderengine.product.db;

import java.math.BigDecimal;

/** A row of {@code products}. */
public record Product(int id, String name, BigDecimal price, String description, String imageUrl) {}
