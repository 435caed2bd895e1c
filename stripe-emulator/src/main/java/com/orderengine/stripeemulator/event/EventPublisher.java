package com.orderengine.stripeemulator.event;

import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.CheckoutSessionJson;
import com.orderengine.stripeemulator.checkout.CheckoutSessionListener;
import com.orderengine.stripeemulator.checkout.CheckoutSessionTransition;
import com.orderengine.stripeemulator.refund.Charge;
import com.orderengine.stripeemulator.refund.ChargeJson;
import com.orderengine.stripeemulator.refund.Refund;
import com.orderengine.stripeemulator.refund.RefundJson;
import com.orderengine.stripeemulator.refund.RefundListener;
import com.orderengine.stripeemulator.support.RandomIds;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns session transitions and refunds into Stripe events: records each one and hands it on for
 * delivery. Objects are rendered exactly as the API would show them then.
 */
public final class EventPublisher implements CheckoutSessionListener, RefundListener {

    private final EventStore store;
    private final Clock clock;
    private final String apiVersion;
    private final int pendingWebhooks;
    private final Consumer<StripeEvent> delivery;

    /**
     * @param endpointConfigured whether a webhook endpoint exists, which Stripe counts in {@code pending_webhooks}
     * @param delivery           called with every new event; must not block
     */
    public EventPublisher(
            EventStore store,
            Clock clock,
            String apiVersion,
            boolean endpointConfigured,
            Consumer<StripeEvent> delivery) {
        this.store = store;
        this.clock = clock;
        this.apiVersion = apiVersion;
        this.pendingWebhooks = endpointConfigured ? 1 : 0;
        this.delivery = delivery;
    }

    @Override
    public void transitioned(CheckoutSession session, CheckoutSessionTransition transition) {
        publish(transition.eventType(), CheckoutSessionJson.session(session));
    }

    /** Stripe announces a refund twice: the charge with its new {@code amount_refunded}, and the refund itself. */
    @Override
    public void refunded(Charge charge, Refund refund) {
        publish("charge.refunded", ChargeJson.charge(charge));
        publish("refund.created", RefundJson.refund(refund));
    }

    private void publish(String type, Map<String, Object> dataObject) {
        StripeEvent event = new StripeEvent(
                RandomIds.event(), type, clock.instant().getEpochSecond(), apiVersion, pendingWebhooks, dataObject);
        store.add(event);
        delivery.accept(event);
    }
}
