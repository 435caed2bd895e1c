package com.orderengine.bench.baseline;

/** One line of the baseline's checkout body. */
public record CartLine(Integer productId, Integer quantity) {}
