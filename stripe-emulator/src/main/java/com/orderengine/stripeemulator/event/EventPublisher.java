package com.orderengine.stripeemulator.event;

import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.CheckoutSessionListener;
import com.orderengine.stripeemulator.checkout.CheckoutSessionTransition;
import com.orderengine.stripeemulator.json.CheckoutSessionJson;
import com.orderengine.stripeemulator.support.RandomIds;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Turns session transitions into Stripe events: records each one and hands it on for delivery.
 * The session is rendered exactly as {@code GET /v1/checkout/sessions/{id}} would show it then.
 */
public final class EventPublisher implements CheckoutSessionListener {

    private final EventStore store;
    private final Clock clock;
    private final String apiVersion;
    private final int pendingWebhooks;
    private final Consumer<StripeEvent> delivery;

    /**
     * @param endpointConfigured whether a webhook endpoint exists, which Stripe counts in {@code pending_webhooks}
     * @param delivery           called with every new event; must not block
     */
    public EventPublisher(EventStore store, Clock clock, String apiVersion, boolean endpointConfigured,
                          Consumer<StripeEvent> delivery) {
        this.store = store;
        this.clock = clock;
        this.apiVersion = apiVersion;
        this.pendingWebhooks = endpointConfigured ? 1 : 0;
        this.delivery = delivery;
    }

    @Override
    public void transitioned(CheckoutSession session, CheckoutSessionTransition transition) {
        StripeEvent event = new StripeEvent(RandomIds.event(), transition.eventType(),
                clock.instant().getEpochSecond(), apiVersion, pendingWebhooks, CheckoutSessionJson.session(session));
        store.add(event);
        delivery.accept(event);
    }
}
