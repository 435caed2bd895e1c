package com.orderengine.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

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

    /** Outcomes of {@code POST /api/checkout}: 2xx, 4xx, 503 (Temporal or the database down), any other 5xx. */
    public enum CheckoutOutcome { STARTED, REJECTED, UNAVAILABLE, FAILED }

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
        RETRIED
    }

    private final MeterRegistry registry;
    private final Timer checkoutToPaid;

    public OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.checkoutToPaid = Timer.builder(CHECKOUT_TO_PAID)
                .description("Time from the order's creation to its payment being recorded")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofHours(24))
                .register(registry);
    }

    public void checkout(CheckoutOutcome outcome) {
        counter(CHECKOUTS, "Checkouts asked for, by outcome", "outcome", name(outcome)).increment();
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
        counter(ORDERS_FINISHED, "Orders that reached a final status", "status", status.value()).increment();
    }

    public void checkoutToPaid(Duration elapsed) {
        checkoutToPaid.record(elapsed);
    }

    /** Stripe's own state, not a webhook, decided the order's status (a lost webhook, found by polling). */
    public void reconciliationCorrection(OrderStatus status) {
        counter(RECONCILIATIONS, "Statuses set from Stripe's state because no webhook told us", "status",
                status.value()).increment();
    }

    public void refundIssued() {
        Counter.builder(REFUNDS).description("Refunds the engine issued (late payments)").register(registry)
                .increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
