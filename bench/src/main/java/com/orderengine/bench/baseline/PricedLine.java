package com.orderengine.bench.baseline;

import java.math.BigDecimal;

/** A cart line priced from the products table. */
public record PricedLine(int productId, String name, int quantity, BigDecimal unitPrice) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
