package com.orderengine.api.order;

import com.orderengine.api.errors.ApiException;
import com.orderengine.order.OrderReference;
import com.orderengine.order.OrderStatus;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.OrderRecord;
import com.orderengine.order.workflow.OrderWorkflowClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer cancels an unpaid order. The order's workflow does it (Stripe session first, then the order), so a
 * payment racing the cancellation is never lost; a paid order is refused with 409.
 */
public class OrderCancellation {

    private static final Logger log = LoggerFactory.getLogger(OrderCancellation.class);

    private static final String REASON = "requested by the customer";

    private final OrderDao orders;
    private final OrderViews views;
    private final OrderWorkflowClient workflows;

    public OrderCancellation(OrderDao orders, OrderViews views, OrderWorkflowClient workflows) {
        this.orders = orders;
        this.views = views;
        this.workflows = workflows;
    }

    public OrderView cancel(String orderId) {
        OrderRecord order = find(orderId);
        if (!OrderStatus.PENDING.value().equals(order.status())) {
            return viewIfCancelled(order);
        }
        try {
            try {
                workflows.cancel(orderId, REASON);
            } catch (OrderWorkflowClient.NotRunning e) {
                // Its workflow was lost (an in-memory Temporal restarted): recover the order, then cancel it.
                log.info("Order {} had no running workflow; recovering it before cancelling", orderId);
                if (!workflows.resume(orderId, order.currency())) {
                    return viewIfCancelled(find(orderId));
                }
                workflows.cancel(orderId, REASON);
            }
        } catch (OrderWorkflowClient.Rejected e) {
            throw new ApiException(409, e.getMessage());
        } catch (OrderWorkflowClient.NotRunning e) {
            return viewIfCancelled(find(orderId));
        } catch (OrderWorkflowClient.Unavailable e) {
            throw ApiException.unavailable("cancelling is temporarily unavailable; retry");
        }
        return view(find(orderId));
    }

    /**
     * Cancelling a cancelled order answers the order again; any other final status is a conflict. A pending
     * order whose workflow has been closed (terminated by an operator) needs an operator too.
     */
    private OrderView viewIfCancelled(OrderRecord order) {
        OrderStatus status = OrderStatus.fromValue(order.status());
        return switch (status) {
            case CANCELLED -> view(order);
            case PAID, REFUNDED ->
                throw new ApiException(409, "order is " + status.value() + "; a paid order cannot be cancelled");
            case PENDING ->
                throw new ApiException(
                        409, "order is pending but its workflow has been closed; an operator must resolve it");
            case EXPIRED, FAILED -> throw new ApiException(409, "order is already " + status.value());
        };
    }

    private OrderRecord find(String orderId) {
        if (!OrderReference.isWellFormed(orderId)) {
            throw ApiException.notFound("order not found");
        }
        return orders.findByReference(orderId).orElseThrow(() -> ApiException.notFound("order not found"));
    }

    private OrderView view(OrderRecord order) {
        return views.of(order);
    }
}
