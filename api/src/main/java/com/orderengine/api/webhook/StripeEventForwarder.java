package com.orderengine.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.api.errors.ApiException;
import com.orderengine.infrastructure.logging.OrderLogContext;
import com.orderengine.order.OrderMetrics;
import com.orderengine.order.OrderMetrics.WebhookOutcome;
import com.orderengine.order.OrderReference;
import com.orderengine.order.OrderStatus;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.OrderRecord;
import com.orderengine.order.workflow.OrderWorkflowClient;
import com.orderengine.order.workflow.PaymentEvent;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a Stripe webhook and hands it to the order's workflow. A session event names its order in
 * {@code client_reference_id}, so nothing is read from the database before the hand-over; {@code charge.refunded}
 * names a payment intent, whose order is looked up. A database outage while looking answers 503
 * ({@code DatabaseUnavailableMapper}), so Stripe redelivers.
 */
public class StripeEventForwarder {

    private static final Logger log = LoggerFactory.getLogger(StripeEventForwarder.class);

    private final String webhookSecret;
    private final OrderWorkflowClient workflows;
    private final OrderDao orders;
    private final ObjectMapper json;
    private final OrderMetrics metrics;
    private final WebhookAdmission admission;
    private final Duration handOverTimeout;
    private final Duration retryAfter;

    /**
     * @param handOverTimeout how long the hand-over to Temporal may take before the webhook answers 503
     * @param retryAfter      what a 503 tells the sender to wait
     */
    public StripeEventForwarder(
            String webhookSecret,
            OrderWorkflowClient workflows,
            OrderDao orders,
            ObjectMapper json,
            OrderMetrics metrics,
            WebhookAdmission admission,
            Duration handOverTimeout,
            Duration retryAfter) {
        this.webhookSecret = webhookSecret;
        this.workflows = workflows;
        this.orders = orders;
        this.json = json;
        this.metrics = metrics;
        this.admission = admission;
        this.handOverTimeout = handOverTimeout;
        this.retryAfter = retryAfter;
    }

    /**
     * Returns when the event is verified and handed to its workflow, or acknowledged as not ours to act on;
     * throws {@link ApiException} for a bad signature or body (400), and 503 with {@code Retry-After} when Temporal
     * is unreachable or slow, or the event must wait its turn ({@link WebhookAdmission}).
     */
    public void forward(String payload, String signatureHeader) {
        verify(payload, signatureHeader);
        JsonNode event;
        try {
            event = parse(payload);
        } catch (ApiException e) {
            metrics.webhookEvent(null, WebhookOutcome.INVALID_PAYLOAD);
            throw e;
        }
        String eventId = event.path("id").asText(null);
        String type = event.path("type").asText(null);
        JsonNode object = event.path("data").path("object");
        if (eventId == null || type == null || !object.isObject()) {
            metrics.webhookEvent(null, WebhookOutcome.INVALID_PAYLOAD);
            throw ApiException.badRequest("not a Stripe event: id, type and data.object are required");
        }
        Long created =
                event.path("created").isIntegralNumber() ? event.path("created").asLong() : null;
        try (WebhookAdmission.Turn turn = admission.admit(created)) {
            metrics.webhookEvent(type, workflows.within(handOverTimeout, () -> route(eventId, type, object)));
        } catch (WebhookAdmission.DeferredException e) {
            metrics.webhookEvent(type, WebhookOutcome.DEFERRED);
            log.debug("Event {} ({}) deferred: {}", eventId, type, e.getMessage());
            throw ApiException.unavailable(e.getMessage(), retryAfter);
        } catch (OrderWorkflowClient.Unavailable | JdbiException e) {
            // Never acknowledge what was not handed over: Stripe redelivers on a non-2xx.
            metrics.webhookEvent(type, WebhookOutcome.RETRIED);
            log.warn("Event {} ({}) not delivered: {}", eventId, type, e.getMessage());
            if (e instanceof JdbiException database) {
                throw database;
            }
            throw ApiException.unavailable("order workflows are unavailable; retry later", retryAfter);
        }
    }

    private void verify(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            metrics.webhookEvent(null, WebhookOutcome.INVALID_SIGNATURE);
            throw ApiException.badRequest("missing Stripe-Signature header");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, webhookSecret, Webhook.DEFAULT_TOLERANCE);
        } catch (SignatureVerificationException e) {
            metrics.webhookEvent(null, WebhookOutcome.INVALID_SIGNATURE);
            throw ApiException.badRequest("invalid signature: " + e.getMessage());
        } catch (RuntimeException e) {
            // stripe-java parses t= with Long.parseLong and lets a malformed header escape as an exception.
            metrics.webhookEvent(null, WebhookOutcome.INVALID_SIGNATURE);
            throw ApiException.badRequest("invalid signature: malformed Stripe-Signature header");
        }
    }

    /** Hands the event to its order's workflow when it concerns one; says what became of it. */
    private WebhookOutcome route(String eventId, String type, JsonNode object) {
        String objectType = object.path("object").asText();
        PaymentEvent paymentEvent;
        String orderId;
        if (PaymentEvent.isSessionEvent(type) && "checkout.session".equals(objectType)) {
            paymentEvent = new PaymentEvent(
                    eventId,
                    type,
                    object.path("id").asText(null),
                    object.path("payment_status").asText(null),
                    text(object, "payment_intent"),
                    number(object, "amount_total"),
                    object.path("currency").asText(null));
            orderId = object.path("client_reference_id").asText(null);
        } else if (PaymentEvent.CHARGE_REFUNDED.equals(type) && "charge".equals(objectType)) {
            paymentEvent = new PaymentEvent(
                    eventId,
                    type,
                    null,
                    null,
                    text(object, "payment_intent"),
                    number(object, "amount"),
                    object.path("currency").asText(null),
                    number(object, "amount_refunded"));
            // A charge names its payment intent, not the session: the order is found by the payment it recorded.
            orderId = paymentEvent.paymentIntentId() == null
                    ? null
                    : orders.findByPaymentIntent(paymentEvent.paymentIntentId())
                            .map(OrderRecord::reference)
                            .orElse(null);
        } else {
            log.debug("Event {} of type {} acknowledged and ignored", eventId, type);
            return WebhookOutcome.IGNORED;
        }
        if (!OrderReference.isWellFormed(orderId)) {
            log.info("Event {} ({}) concerns no order of ours; acknowledged", eventId, type);
            return WebhookOutcome.IGNORED;
        }
        OrderLogContext.set(orderId);
        return hand(orderId, paymentEvent);
    }

    private WebhookOutcome hand(String orderId, PaymentEvent event) {
        if (workflows.deliver(orderId, event)) {
            log.info("Event {} ({}) forwarded to order {}", event.eventId(), event.type(), orderId);
            return WebhookOutcome.ACCEPTED;
        }
        Optional<OrderRecord> order = orders.findByReference(orderId);
        OrderStatus status =
                order.map(found -> OrderStatus.fromValue(found.status())).orElse(null);
        // A stored, pending order whose workflow was lost gets a recovery workflow, with this event.
        if (status == OrderStatus.PENDING
                && workflows.deliverOrResume(orderId, order.get().currency(), event)) {
            log.info(
                    "Event {} ({}) resumed order {}, whose workflow was missing",
                    event.eventId(),
                    event.type(),
                    orderId);
            return WebhookOutcome.ACCEPTED;
        }
        // A payment for an expired or cancelled order (to refund), a refund of a paid one: the order reopens.
        if (status != null && status.isFinal() && event.actsOnFinalOrder(status)) {
            workflows.deliverToFinishedOrder(orderId, order.get().currency(), event);
            log.info(
                    "Event {} ({}) reopened order {}, which is {}",
                    event.eventId(),
                    event.type(),
                    orderId,
                    status.value());
            return WebhookOutcome.ACCEPTED;
        }
        log.info(
                "Event {} ({}) for order {}: nothing left to do (unknown or finished); acknowledged",
                event.eventId(),
                event.type(),
                orderId);
        return WebhookOutcome.DUPLICATE;
    }

    private static String text(JsonNode object, String field) {
        return object.path(field).isTextual() ? object.path(field).asText() : null;
    }

    private static Long number(JsonNode object, String field) {
        return object.path(field).isIntegralNumber() ? object.path(field).asLong() : null;
    }

    private JsonNode parse(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("the event body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("the event body is not valid JSON");
        }
    }
}
