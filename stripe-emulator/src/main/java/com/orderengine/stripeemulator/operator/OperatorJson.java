package com.orderengine.stripeemulator.operator;

import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.CheckoutSessionJson;
import com.orderengine.stripeemulator.event.EventJson;
import com.orderengine.stripeemulator.event.StripeEvent;
import com.orderengine.stripeemulator.refund.Charge;
import com.orderengine.stripeemulator.refund.ChargeJson;
import com.orderengine.stripeemulator.refund.Refund;
import com.orderengine.stripeemulator.refund.RefundJson;
import com.orderengine.stripeemulator.webhook.DeliveryAttempt;
import com.orderengine.stripeemulator.webhook.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operator API's JSON: Stripe's own shapes for sessions, charges, refunds and events, wrapped with
 * what Stripe shows elsewhere (the hosted page, delivery details).
 */
final class OperatorJson {

    private OperatorJson() {}

    /** Each session with its charge, null until paid: Stripe keeps that on the PaymentIntent, not the session. */
    static Map<String, Object> sessions(List<CheckoutSession> sessions, Function<String, Optional<Charge>> chargeOf) {
        List<Object> data = new ArrayList<>();
        for (CheckoutSession session : sessions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("session", CheckoutSessionJson.session(session));
            entry.put("hosted_page_url", session.url());
            entry.put(
                    "charge",
                    chargeOf.apply(session.paymentIntent())
                            .map(ChargeJson::charge)
                            .orElse(null));
            data.add(entry);
        }
        return list(data);
    }

    static Map<String, Object> refunds(List<Refund> refunds) {
        List<Object> data = new ArrayList<>();
        for (Refund refund : refunds) {
            data.add(RefundJson.refund(refund));
        }
        return list(data);
    }

    static Map<String, Object> event(StripeEvent event, DeliveryStatus status, List<DeliveryAttempt> attempts) {
        List<Object> attemptJson = new ArrayList<>();
        for (DeliveryAttempt attempt : attempts) {
            attemptJson.add(attempt(attempt));
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("event", EventJson.event(event));
        entry.put("delivery_status", status.wireName());
        entry.put("delivery_attempts", attemptJson);
        return entry;
    }

    static Map<String, Object> list(List<Object> data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("object", "list");
        json.put("data", data);
        return json;
    }

    static Map<String, Object> error(String message) {
        return Map.of("error", Map.of("message", message));
    }

    private static Map<String, Object> attempt(DeliveryAttempt attempt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event_id", attempt.eventId());
        json.put("attempt", attempt.attempt());
        json.put("attempted_at", Instant.ofEpochMilli(attempt.attemptedAt()).toString());
        json.put("url", attempt.url());
        json.put("http_status", attempt.httpStatus());
        json.put("error", attempt.error());
        json.put("duration_ms", attempt.durationMillis());
        json.put("succeeded", attempt.succeeded());
        json.put("redelivery", attempt.redelivery());
        return json;
    }
}
