package com.orderengine.order.workflow;

import static com.orderengine.order.OrderStatus.FAILED;
import static com.orderengine.order.OrderStatus.PAID;
import static com.orderengine.order.OrderStatus.PENDING;

import com.orderengine.order.OrderStatus;
import com.orderengine.order.PricedOrder;
import com.orderengine.order.activities.StatusChange;
import com.orderengine.order.stripe.CheckoutSessionState;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The order as its workflow knows it, and the one way its status changes: each change is recorded in the database
 * by the step that decided it, then shown. Holds what the {@code state} query answers and what the Temporal UI shows
 * as the workflow's current details: status, what the order is doing now, the priced order and its session once
 * set up, the payment, the Stripe events seen, and whether a person must look.
 */
final class OrderProgress {

    private static final Logger log = Workflow.getLogger(OrderProgress.class);

    /** Counted through the SDK's metrics scope (replay-safe), so operators can alert on payments needing a person. */
    static final String PAYMENT_MISMATCH_METRIC = "orderengine_payment_mismatch";

    private final OrderInput input;
    private final OrderSteps steps;

    private OrderStatus status = PENDING;
    private String detail = "pricing the order";
    private PricedOrder order;
    private CheckoutSessionState session;
    private String paymentIntentId;
    private boolean flaggedForOperator;
    private final Set<String> seenEventIds = new LinkedHashSet<>();
    private int duplicateEvents;

    OrderProgress(OrderInput input, OrderSteps steps) {
        this.input = input;
        this.steps = steps;
    }

    OrderStatus status() {
        return status;
    }

    String detail() {
        return detail;
    }

    CheckoutSessionState session() {
        return session;
    }

    String paymentIntentId() {
        return paymentIntentId;
    }

    boolean flaggedForOperator() {
        return flaggedForOperator;
    }

    /** The order is priced and stored, and its session open. */
    void opened(PricedOrder order, CheckoutSessionState session) {
        this.order = order;
        this.session = session;
    }

    /** A stored order taken over by a new run, as the database has it; a final one is shown as it stands. */
    void restored(PricedOrder order, CheckoutSessionState session, OrderStatus status) {
        opened(order, session);
        this.status = status;
        if (status != PENDING) {
            paymentIntentId = session.paymentIntentId();
            Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_STATUS.valueSet(status.value()));
            note("reopened: the order is already " + status.value());
        }
    }

    /** An order that cannot go on: recorded as failed when it is stored ({@code stored} not null). */
    void giveUp(PricedOrder stored, String why) {
        if (stored != null) {
            order = stored;
            moveTo(FAILED, why, null);
        }
        status = FAILED;
        detail = why;
    }

    /** False when the event was seen before: a duplicate delivery, counted and otherwise ignored. */
    boolean firstSight(String eventId) {
        if (seenEventIds.add(eventId)) {
            return true;
        }
        duplicateEvents++;
        return false;
    }

    /**
     * Every way a payment is learnt of goes through here: the amount and currency must be the order's. A paid order
     * is confirmed to the customer.
     */
    void markPaid(Payment payment) {
        if (!payment.matches(order)) {
            Workflow.getMetricsScope().counter(PAYMENT_MISMATCH_METRIC).inc(1);
            flag("payment of " + payment.amountTotal() + " " + payment.currency() + " does not match the order's "
                    + order.amountTotal() + " " + order.currency() + " (" + payment.how() + "); not marked paid");
            return;
        }
        paymentIntentId = payment.paymentIntentId();
        moveTo(PAID, "paid (" + payment.how() + ")", payment.eventId());
        if (status == PAID) {
            steps.mailConfirmation();
        }
    }

    /**
     * Moves to {@code next} when the current status allows it: recorded in the database first (when the order is
     * stored), then the search attribute operators filter by, then the details.
     */
    void moveTo(OrderStatus next, String why, String stripeEventId) {
        if (!status.canMoveTo(next)) {
            log.warn("Order {}: {} -> {} is not allowed; ignored", input.orderId(), status.value(), next.value());
            return;
        }
        if (order != null) {
            steps.recordStatusChange(new StatusChange(input.orderId(), next, why, stripeEventId, paymentIntentId));
        }
        status = next;
        detail = why;
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_STATUS.valueSet(next.value()));
        publish();
    }

    /** Says what the order is doing now. */
    void note(String what) {
        detail = what;
        publish();
    }

    /** Something a person must look at: flagged for an operator, logged as an error, and said in the detail. */
    void flag(String what) {
        flaggedForOperator = true;
        note("NEEDS REVIEW: " + what);
        log.error("Order {}: {}", input.orderId(), detail);
    }

    /** Shows the current details in the Temporal UI. */
    void publish() {
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
        Workflow.setCurrentDetails(details.toString());
    }

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
}
