package com.orderengine.dev;

import com.orderengine.infrastructure.logging.OrderLogContext;
import com.orderengine.order.OrderReference;
import com.orderengine.stripeemulator.logging.LogTagger;
import com.orderengine.stripeemulator.logging.ObjectLabels;
import java.util.List;

/**
 * Tags the Stripe emulator's log lines with the order they concern, under the MDC keys the engine's own
 * processes use ({@link OrderLogContext}), so one order can be followed across the engine and the emulator:
 * the first label that names one of our orders, a {@code client_reference_id} or a
 * {@code metadata[order_id]}, as the engine writes them on its sessions and refunds.
 */
public final class OrderLogTagger implements LogTagger {

    @Override
    public Scope tag(List<ObjectLabels> labels) {
        return OrderLogContext.open(orderOf(labels))::close;
    }

    /** The first order reference among the labels, most specific first; null if none names an order. */
    static String orderOf(List<ObjectLabels> labels) {
        for (ObjectLabels label : labels) {
            for (String candidate : List.of(
                    nullToEmpty(label.clientReferenceId()),
                    label.metadata().getOrDefault(OrderReference.METADATA_KEY, ""))) {
                if (OrderReference.isWellFormed(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
