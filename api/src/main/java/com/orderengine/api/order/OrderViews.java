package com.orderengine.api.order;

import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.OrderRecord;
import com.orderengine.order.db.RefundDao;

/** An order as the API shows it: the row, its items and the refunds the engine gave. */
public class OrderViews {

    private final OrderDao orders;
    private final RefundDao refunds;

    public OrderViews(OrderDao orders, RefundDao refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    public OrderView of(OrderRecord order) {
        return OrderView.of(order, orders.findItems(order.id()), refunds.findByOrder(order.id()));
    }
}
