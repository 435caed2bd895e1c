package com.orderengine.order.activities;

import com.orderengine.order.OrderLine;
import java.util.List;

/** An order to price and store: the set-up's input. */
public record NewOrder(String orderId, String email, String currency, List<OrderLine> lines) {}
