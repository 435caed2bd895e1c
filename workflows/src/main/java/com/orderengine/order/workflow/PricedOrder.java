package com.orderengine.order.workflow;

import com.orderengine.order.PricedLine;
import java.math.BigDecimal;
import java.util.List;

/** The order as stored: priced from the database, with the total in both decimal and minor units. */
public record PricedOrder(String orderId, String currency, BigDecimal total, long amountTotal, List<PricedLine> lines) {
}
