package com.orderengine.stripeemulator.http;

import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.CheckoutSessionStore;
import com.orderengine.stripeemulator.event.EventStore;
import com.orderengine.stripeemulator.event.StripeEvent;
import com.orderengine.stripeemulator.refund.Charge;
import com.orderengine.stripeemulator.refund.ChargeStore;
import com.orderengine.stripeemulator.refund.Refund;
import com.orderengine.stripeemulator.refund.RefundStore;
import com.orderengine.stripeemulator.support.OrderLogContext;
import java.util.Map;

/**
 * Which of our orders a Stripe object belongs to, for {@link OrderLogContext}: the Checkout Session's
 * {@code client_reference_id}, else the {@code metadata[order_id]} of the session, its PaymentIntent, the
 * charge or the refund. Payments and refunds are traced back to their session through the PaymentIntent.
 * Every method answers null when nothing looks like an order reference, and none changes anything (no
 * lookup here expires an overdue session), so a log tag never alters what a request does.
 */
public final class OrderLookup {

    private final CheckoutSessionStore sessions;
    private final ChargeStore charges;
    private final RefundStore refunds;
    private final EventStore events;

    public OrderLookup(CheckoutSessionStore sessions, ChargeStore charges, RefundStore refunds, EventStore events) {
        this.sessions = sessions;
        this.charges = charges;
        this.refunds = refunds;
        this.events = events;
    }

    public static String ofSession(CheckoutSession session) {
        if (session == null) {
            return null;
        }
        return OrderLogContext.firstOrderReference(
                session.clientReferenceId(), orderIdIn(session.metadata()), orderIdIn(session.paymentIntentMetadata()));
    }

    public String ofSessionId(String sessionId) {
        return sessionId == null
                ? null
                : sessions.find(sessionId).map(OrderLookup::ofSession).orElse(null);
    }

    /** Through the session that created the PaymentIntent, else the metadata of its charge. */
    public String ofPaymentIntent(String paymentIntent) {
        if (paymentIntent == null) {
            return null;
        }
        for (CheckoutSession session : sessions.all()) {
            if (paymentIntent.equals(session.paymentIntent())) {
                String orderId = ofSession(session);
                if (orderId != null) {
                    return orderId;
                }
            }
        }
        return charges.findByPaymentIntent(paymentIntent)
                .map(charge -> orderIdIn(charge.metadata()))
                .filter(OrderLogContext::isOrderReference)
                .orElse(null);
    }

    public String ofCharge(String chargeId) {
        return chargeId == null
                ? null
                : charges.find(chargeId).map(this::ofCharge).orElse(null);
    }

    public String ofCharge(Charge charge) {
        return OrderLogContext.firstOrderReference(
                ofPaymentIntent(charge.paymentIntent()), orderIdIn(charge.metadata()));
    }

    public String ofRefundId(String refundId) {
        return refundId == null
                ? null
                : refunds.find(refundId).map(this::ofRefund).orElse(null);
    }

    public String ofRefund(Refund refund) {
        return OrderLogContext.firstOrderReference(
                ofPaymentIntent(refund.paymentIntent()), ofCharge(refund.charge()), orderIdIn(refund.metadata()));
    }

    public String ofEventId(String eventId) {
        return eventId == null ? null : events.find(eventId).map(this::ofEvent).orElse(null);
    }

    /** From the object as the event carries it, else from the session, PaymentIntent or charge it names. */
    public String ofEvent(StripeEvent event) {
        return ofObject(event.dataObject());
    }

    /**
     * From a Stripe object as JSON (an event's {@code data.object}) or a request's decoded parameters:
     * its own {@code client_reference_id}, {@code metadata[order_id]} or
     * {@code payment_intent_data[metadata][order_id]}, else the session (by {@code id}), PaymentIntent
     * ({@code payment_intent}) or charge ({@code charge}) it names.
     */
    public String ofObject(Map<String, ?> json) {
        if (json == null) {
            return null;
        }
        String own = OrderLogContext.firstOrderReference(
                text(json.get("client_reference_id")),
                orderIdIn(json.get("metadata")),
                orderIdIn(nested(json.get("payment_intent_data"), "metadata")));
        if (own != null) {
            return own;
        }
        String session = "checkout.session".equals(json.get("object")) ? ofSessionId(text(json.get("id"))) : null;
        return OrderLogContext.firstOrderReference(
                session, ofPaymentIntent(text(json.get("payment_intent"))), ofCharge(text(json.get("charge"))));
    }

    private static String orderIdIn(Object metadata) {
        return metadata instanceof Map<?, ?> map ? text(map.get(OrderLogContext.ORDER_ID_METADATA_KEY)) : null;
    }

    private static Object nested(Object json, String key) {
        return json instanceof Map<?, ?> map ? map.get(key) : null;
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
