package com.orderengine.stripeemulator.support;

import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Tags log lines with the order they are about, under the MDC keys the engine's processes use:
 * {@value #ORDER_ID} (our order reference, 22 URL-safe base64 characters) and {@value #WORKFLOW_ID}
 * ({@code order-<OrderId>}), so one order can be followed across the engine and this emulator.
 *
 * <p>The emulator may run on a thread of the engine's process (its Java API is called on the caller's
 * thread), so a scope puts back whatever the thread held before rather than clearing the keys.
 */
public final class OrderLogContext {

    public static final String ORDER_ID = "OrderId";
    public static final String WORKFLOW_ID = "WorkflowId";
    /** The metadata key under which the engine repeats the order reference on Stripe objects. */
    public static final String ORDER_ID_METADATA_KEY = "order_id";

    private static final String WORKFLOW_ID_PREFIX = "order-";
    private static final Pattern ORDER_REFERENCE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private OrderLogContext() {}

    /** Whether {@code candidate} looks like one of our order references. */
    public static boolean isOrderReference(String candidate) {
        return candidate != null && ORDER_REFERENCE.matcher(candidate).matches();
    }

    /** The first candidate that looks like an order reference; null if none does. */
    public static String firstOrderReference(String... candidates) {
        for (String candidate : candidates) {
            if (isOrderReference(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static String workflowId(String orderId) {
        return WORKFLOW_ID_PREFIX + orderId;
    }

    /**
     * Tags this thread's log lines with {@code orderId} until the scope closes, then puts back the values
     * the thread held before (or removes the keys if it held none). A value that does not look like an
     * order reference (null included) tags nothing and leaves the thread's values as they are.
     */
    public static Scope open(String orderId) {
        String previousOrder = MDC.get(ORDER_ID);
        String previousWorkflow = MDC.get(WORKFLOW_ID);
        if (isOrderReference(orderId)) {
            MDC.put(ORDER_ID, orderId);
            MDC.put(WORKFLOW_ID, workflowId(orderId));
        }
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

    /** An {@link #open} scope; closing it throws nothing. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
