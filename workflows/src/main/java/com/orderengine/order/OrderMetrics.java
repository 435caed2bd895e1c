package com.orderengine.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's own meters, named once here. Each is counted where the fact is certain: a transition when the
 * database row moved (so retries and replays never count twice), a webhook where the api answered it.
 */
public final class OrderMetrics {

    public static final String CHECKOUTS = "orderengine.checkouts";
    public static final String ORDERS_FINISHED = "orderengine.orders.finished";
    public static final String CHECKOUT_TO_PAID = "orderengine.checkout.to.paid";
    public static final String RECONCILIATIONS = "orderengine.reconciliation.corrections";
    public static final String REFUNDS = "orderengine.refunds.issued";
    public static final String WEBHOOK_EVENTS = "orderengine.webhook.events";
    public static final String RECOVERIES = "orderengine.backlog.recoveries";
    public static final String RECOVERY_PENDING = "orderengine.backlog.recovery.pending";
    public static final String LANE_DEPTH = "orderengine.backlog.lane.depth";

    /** Outcomes of {@code POST /api/checkout}: 2xx, 4xx, 503 (Temporal or the database down), any other 5xx. */
    public enum CheckoutOutcome {
        STARTED,
        REJECTED,
        UNAVAILABLE,
        FAILED
    }

    /** What the api did with a webhook delivery. */
    public enum WebhookOutcome {
        /** Handed to the order's workflow (which ignores it if it has seen the event id). */
        ACCEPTED,
        /** For a finished order it no longer concerns: a redelivery, or an event after the fact. */
        DUPLICATE,
        /** Not ours to act on: another event type, or a session without our order reference. */
        IGNORED,
        INVALID_SIGNATURE,
        INVALID_PAYLOAD,
        /** Answered 503 because Temporal or the database was down: Stripe will send it again. */
        RETRIED,
        /**
         * Answered 503 with Retry-After at once because the api was busy with other webhooks, or the event is a
         * backlog (an old event redelivered) arriving faster than backlog events are taken on: Stripe will send it
         * again, and meanwhile the order learns its state from Stripe through the recovery pass.
         */
        DEFERRED
    }

    /** What the recovery pass did for a pending order. */
    public enum RecoveryAction {
        /** Its workflow was missing: a recovery workflow was started on the backlog lane. */
        RESUMED,
        /** Its workflow runs and was told its session was paid or expired at Stripe (the first pass after start-up). */
        SESSION_REPORTED
    }

    private final MeterRegistry registry;
    private final Timer checkoutToPaid;
    private final AtomicLong recoveryPending = new AtomicLong();
    private final AtomicLong laneDepth = new AtomicLong();

    public OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.checkoutToPaid = Timer.builder(CHECKOUT_TO_PAID)
                .description("Time from the order's creation to its payment being recorded")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofHours(24))
                .register(registry);
        Gauge.builder(RECOVERY_PENDING, recoveryPending, AtomicLong::get)
                .description("Pending orders the running recovery pass has yet to check")
                .register(registry);
        Gauge.builder(LANE_DEPTH, laneDepth, AtomicLong::get)
                .description("Tasks waiting on the backlog lane's task queue (Temporal's approximate count)")
                .register(registry);
    }

    public void recoveryPending(long orders) {
        recoveryPending.set(orders);
    }

    public void recovery(RecoveryAction action) {
        counter(
                        RECOVERIES,
                        "Pending orders the recovery pass resumed, or whose workflow it told their session moved at Stripe",
                        "action",
                        name(action))
                .increment();
    }

    public void laneDepth(long tasks) {
        laneDepth.set(tasks);
    }

    public void checkout(CheckoutOutcome outcome) {
        counter(CHECKOUTS, "Checkouts asked for, by outcome", "outcome", name(outcome))
                .increment();
    }

    public void webhookEvent(String type, WebhookOutcome outcome) {
        Counter.builder(WEBHOOK_EVENTS)
                .description("Stripe webhook deliveries, by event type and what the api did with them")
                .tag("type", type == null ? "unknown" : type)
                .tag("outcome", name(outcome))
                .register(registry)
                .increment();
    }

    /** An order reached a final status (counted once, when its row moved). */
    public void orderFinished(OrderStatus status) {
        counter(ORDERS_FINISHED, "Orders that reached a final status", "status", status.value())
                .increment();
    }

    public void checkoutToPaid(Duration elapsed) {
        checkoutToPaid.record(elapsed);
    }

    /** Stripe's own state, not a webhook, decided the order's status (a lost webhook, found by polling). */
    public void reconciliationCorrection(OrderStatus status) {
        counter(
                        RECONCILIATIONS,
                        "Statuses set from Stripe's state because no webhook told us",
                        "status",
                        status.value())
                .increment();
    }

    public void refundIssued() {
        Counter.builder(REFUNDS)
                .description("Refunds the engine issued (late payments)")
                .register(registry)
                .increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
