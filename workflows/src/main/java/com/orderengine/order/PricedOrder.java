package com.orderengine.order;

import java.math.BigDecimal;
import java.util.List;

/** The order as stored: priced from the database, with the total in both decimal and minor units. */
public record PricedOrder(String orderId, String currency, BigDecimal total, long amountTotal, List<PricedLine> lines) {

    /** Stripe's ceiling for one payment (eight digits of minor units); it also keeps NUMERIC(10,2) safe. */
    public static final long MAX_AMOUNT_TOTAL = 99_999_999L;

    /** Adds the lines up; the same sum serves the api's early check and the workflow's pricing. */
    public static PricedOrder of(String orderId, String currency, List<PricedLine> lines) {
        long amountTotal = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (PricedLine line : lines) {
            amountTotal = Math.addExact(amountTotal, Math.multiplyExact(line.unitAmount(), line.quantity()));
            total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        return new PricedOrder(orderId, currency, total, amountTotal, List.copyOf(lines));
    }

    public boolean exceedsMaximumPayment() {
        return amountTotal > MAX_AMOUNT_TOTAL;
    }
}
