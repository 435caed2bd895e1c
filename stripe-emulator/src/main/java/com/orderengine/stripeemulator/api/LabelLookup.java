package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.CheckoutSessionStore;
import com.orderengine.stripeemulator.event.EventStore;
import com.orderengine.stripeemulator.event.StripeEvent;
import com.orderengine.stripeemulator.logging.LogTagger;
import com.orderengine.stripeemulator.logging.ObjectLabels;
import com.orderengine.stripeemulator.refund.Charge;
import com.orderengine.stripeemulator.refund.ChargeStore;
import com.orderengine.stripeemulator.refund.Refund;
import com.orderengine.stripeemulator.refund.RefundStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels ({@code client_reference_id}, metadata) of a Stripe object and of the objects it came from, most
 * specific first, for the {@link LogTagger}: a session's own, its PaymentIntent's; a payment's or refund's traced
 * back to their session through the PaymentIntent, then their charge's and their own. Nothing here changes
 * anything (no lookup expires an overdue session), so a log tag never alters what a request does.
 */
public final class LabelLookup {

    private final CheckoutSessionStore sessions;
    private final ChargeStore charges;
    private final RefundStore refunds;
    private final EventStore events;

    public LabelLookup(CheckoutSessionStore sessions, ChargeStore charges, RefundStore refunds, EventStore events) {
        this.sessions = sessions;
        this.charges = charges;
        this.refunds = refunds;
        this.events = events;
    }

    public List<ObjectLabels> ofSessionId(String sessionId) {
        return sessionId == null
                ? List.of()
                : sessions.find(sessionId).map(CheckoutSession::labels).orElse(List.of());
    }

    /** Through the sessions that created the PaymentIntent, then the metadata of its charge. */
    public List<ObjectLabels> ofPaymentIntent(String paymentIntent) {
        if (paymentIntent == null) {
            return List.of();
        }
        List<ObjectLabels> labels = new ArrayList<>();
        for (CheckoutSession session : sessions.all()) {
            if (paymentIntent.equals(session.paymentIntent())) {
                labels.addAll(session.labels());
            }
        }
        charges.findByPaymentIntent(paymentIntent)
                .ifPresent(charge -> labels.add(ObjectLabels.metadataOnly(charge.metadata())));
        return labels;
    }

    public List<ObjectLabels> ofCharge(String chargeId) {
        return chargeId == null
                ? List.of()
                : charges.find(chargeId).map(this::ofCharge).orElse(List.of());
    }

    public List<ObjectLabels> ofCharge(Charge charge) {
        return concat(ofPaymentIntent(charge.paymentIntent()), List.of(ObjectLabels.metadataOnly(charge.metadata())));
    }

    public List<ObjectLabels> ofRefundId(String refundId) {
        return refundId == null
                ? List.of()
                : refunds.find(refundId).map(this::ofRefund).orElse(List.of());
    }

    public List<ObjectLabels> ofRefund(Refund refund) {
        return concat(
                ofPaymentIntent(refund.paymentIntent()),
                ofCharge(refund.charge()),
                List.of(ObjectLabels.metadataOnly(refund.metadata())));
    }

    public List<ObjectLabels> ofEventId(String eventId) {
        return eventId == null
                ? List.of()
                : events.find(eventId).map(this::ofEvent).orElse(List.of());
    }

    /** From the object as the event carries it, then from the session, PaymentIntent or charge it names. */
    public List<ObjectLabels> ofEvent(StripeEvent event) {
        return ofObject(event.dataObject());
    }

    /**
     * From a Stripe object as JSON (an event's {@code data.object}) or a request's decoded parameters: its own
     * {@code client_reference_id} and {@code metadata}, its {@code payment_intent_data[metadata]}, then the session
     * (by {@code id}), PaymentIntent ({@code payment_intent}) or charge ({@code charge}) it names.
     */
    public List<ObjectLabels> ofObject(Map<String, ?> json) {
        if (json == null) {
            return List.of();
        }
        List<ObjectLabels> own = List.of(
                new ObjectLabels(text(json.get("client_reference_id")), texts(json.get("metadata"))),
                ObjectLabels.metadataOnly(texts(nested(json.get("payment_intent_data"), "metadata"))));
        List<ObjectLabels> session =
                "checkout.session".equals(json.get("object")) ? ofSessionId(text(json.get("id"))) : List.of();
        return concat(
                own, session, ofPaymentIntent(text(json.get("payment_intent"))), ofCharge(text(json.get("charge"))));
    }

    @SafeVarargs
    private static List<ObjectLabels> concat(List<ObjectLabels>... parts) {
        List<ObjectLabels> all = new ArrayList<>();
        for (List<ObjectLabels> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** The plain text entries of a metadata object; anything else is not a label. */
    private static Map<String, String> texts(Object metadata) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (metadata instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (key instanceof String name && value instanceof String text) {
                    texts.put(name, text);
                }
            });
        }
        return texts;
    }

    private static Object nested(Object json, String key) {
        return json instanceof Map<?, ?> map ? map.get(key) : null;
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}
