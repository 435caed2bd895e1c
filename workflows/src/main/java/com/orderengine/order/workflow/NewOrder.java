package com.orderengine.order.workflow;

import java.util.List;

/** The createOrder activity's input. */
public record NewOrder(String orderId, String email, String currency, List<OrderLine> lines) {
}
