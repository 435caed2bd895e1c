package com.orderengine.infrastructure.logging;

import com.orderengine.order.OrderReference;
import org.slf4j.MDC;

/**
 * The order a log line is about, as MDC keys every process uses alike: {@value #ORDER_ID} and {@value #WORKFLOW_ID}
 * (the name Temporal's SDK gives the workflow id in its own MDC), so one order can be followed from the api's
 * request through the worker's activities by either value.
 */
public final class OrderLogContext {

    public static final String ORDER_ID = "OrderId";
    public static final String WORKFLOW_ID = "WorkflowId";
    public static final String REQUEST_ID = "RequestId";

    private OrderLogContext() {}

    /** Tags this thread's log lines with the order; a value that is not an order reference is not logged. */
    public static void set(String orderId) {
        if (OrderReference.isWellFormed(orderId)) {
            MDC.put(ORDER_ID, orderId);
            MDC.put(WORKFLOW_ID, OrderReference.workflowId(orderId));
        }
    }

    /** The order behind a workflow id {@code order-<orderId>}; null for any other workflow. */
    public static String orderIdOf(String workflowId) {
        if (workflowId == null || !workflowId.startsWith(OrderReference.workflowId(""))) {
            return null;
        }
        return workflowId.substring(OrderReference.workflowId("").length());
    }

    public static void clear() {
        MDC.remove(ORDER_ID);
        MDC.remove(WORKFLOW_ID);
    }

    /**
     * Tags the thread with the order until the returned scope closes, then puts back what was there: on a
     * workflow thread the SDK's own {@code WorkflowId} must survive a signal handler's scope.
     */
    public static Scope open(String orderId) {
        String previousOrder = MDC.get(ORDER_ID);
        String previousWorkflow = MDC.get(WORKFLOW_ID);
        set(orderId);
        return () -> {
            restore(ORDER_ID, previousOrder);
            restore(WORKFLOW_ID, previousWorkflow);
        };
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** An {@link #open} that closes without exceptions. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
