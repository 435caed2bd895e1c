package com.orderengine.order.activities;

import com.orderengine.order.OrderLine;
import java.util.List;

/** An order to price and store: the set-up's input. {@code userId} is the signed-in customer's, null for a guest. */
public record NewOrder(String orderId, String email, Integer userId, String currency, List<OrderLine> lines) {

    public NewOrder(String orderId, String email, String currency, List<OrderLine> lines) {
        this(orderId, email, null, currency, lines);
    }
}
