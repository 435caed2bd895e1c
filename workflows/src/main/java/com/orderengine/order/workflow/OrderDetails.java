package com.orderengine.order.workflow;

import com.orderengine.order.OrderStatus;
import com.orderengine.order.PricedOrder;
import com.orderengine.order.stripe.CheckoutSessionState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;

/**
 * What an order workflow shows of itself: the {@code state} query's snapshot, and the Markdown the Temporal UI shows
 * as the workflow's current details. {@code order} and {@code session} are null until the checkout has them.
 */
record OrderDetails(
        OrderInput input,
        OrderStatus status,
        String detail,
        PricedOrder order,
        CheckoutSessionState session,
        String paymentIntentId,
        Collection<String> seenEventIds,
        int duplicateEvents,
        boolean flaggedForOperator) {

    OrderSnapshot snapshot() {
        return new OrderSnapshot(
                input.orderId(),
                status.value(),
                detail,
                input.currency(),
                order == null ? null : order.total(),
                session == null ? null : session.id(),
                session == null ? null : session.url(),
                session == null ? null : session.expiresAtEpochSecond(),
                paymentIntentId,
                new ArrayList<>(seenEventIds),
                duplicateEvents,
                flaggedForOperator);
    }

    String markdown() {
        StringBuilder details = new StringBuilder()
                .append("**")
                .append(status.value())
                .append("**: ")
                .append(detail);
        if (order != null) {
            details.append("\n\nTotal ")
                    .append(order.total().toPlainString())
                    .append(' ')
                    .append(order.currency().toUpperCase(Locale.ROOT))
                    .append(", ")
                    .append(order.lines().size())
                    .append(" line(s)");
        }
        if (session != null) {
            details.append("\n\nCheckout Session `").append(session.id()).append('`');
        }
        if (!seenEventIds.isEmpty()) {
            details.append("\n\nStripe events: ")
                    .append(seenEventIds.size())
                    .append(" seen, ")
                    .append(duplicateEvents)
                    .append(" duplicate deliveries ignored");
        }
        return details.toString();
    }
}
