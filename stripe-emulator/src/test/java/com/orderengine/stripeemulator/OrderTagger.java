package com.orderengine.stripeemulator;

import com.orderengine.stripeemulator.logging.LogTagger;
import com.orderengine.stripeemulator.logging.ObjectLabels;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * A caller's tagger shaped like the engine's: the first {@code client_reference_id} or {@code metadata[order_id]}
 * of 22 URL-safe base64 characters is the order, put in the MDC as {@code OrderId} and {@code WorkflowId}
 * ({@code order-<id>}); the thread's previous values come back when the scope closes.
 */
final class OrderTagger implements LogTagger {

    private static final Pattern ORDER = Pattern.compile("[A-Za-z0-9_-]{22}");

    @Override
    public Scope tag(List<ObjectLabels> labels) {
        String previousOrder = MDC.get("OrderId");
        String previousWorkflow = MDC.get("WorkflowId");
        String order = orderOf(labels);
        if (order != null) {
            MDC.put("OrderId", order);
            MDC.put("WorkflowId", "order-" + order);
        }
        return () -> {
            restore("OrderId", previousOrder);
            restore("WorkflowId", previousWorkflow);
        };
    }

    private static String orderOf(List<ObjectLabels> labels) {
        for (ObjectLabels label : labels) {
            for (String candidate :
                    new String[] {label.clientReferenceId(), label.metadata().get("order_id")}) {
                if (candidate != null && ORDER.matcher(candidate).matches()) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
