package com.orderengine.api.webhook.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.api.errors.ApiException;
import com.orderengine.order.OrderReference;
import com.orderengine.order.OrderStatus;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.OrderRecord;
import com.orderengine.order.workflow.OrderWorkflowClient;
import com.orderengine.order.workflow.PaymentEvent;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a Stripe webhook and hands it to the order's workflow. The order is found through the session's
 * {@code client_reference_id}, so nothing has to be read from the database first.
 */
public class StripeEventForwarder {

    private static final Logger log = LoggerFactory.getLogger(StripeEventForwarder.class);

    private final String webhookSecret;
    private final OrderWorkflowClient workflows;
    private final OrderDao orders;
    private final ObjectMapper json;

    public StripeEventForwarder(String webhookSecret, OrderWorkflowClient workflows, OrderDao orders,
            ObjectMapper json) {
        this.webhookSecret = webhookSecret;
        this.workflows = workflows;
        this.orders = orders;
        this.json = json;
    }

    /**
     * Returns when the event is verified and handed to its workflow, or acknowledged as not ours to act on;
     * throws {@link ApiException} for a bad signature or body (400) and when Temporal is unreachable (503).
     */
    public void forward(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw ApiException.badRequest("missing Stripe-Signature header");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, webhookSecret, Webhook.DEFAULT_TOLERANCE);
        } catch (SignatureVerificationException e) {
            throw ApiException.badRequest("invalid signature: " + e.getMessage());
        } catch (RuntimeException e) {
            // stripe-java parses t= with Long.parseLong and lets a malformed header escape as an exception.
            throw ApiException.badRequest("invalid signature: malformed Stripe-Signature header");
        }
        JsonNode event = parse(payload);
        String eventId = event.path("id").asText(null);
        String type = event.path("type").asText(null);
        JsonNode object = event.path("data").path("object");
        if (eventId == null || type == null || !object.isObject()) {
            throw ApiException.badRequest("not a Stripe event: id, type and data.object are required");
        }
        if (!PaymentEvent.isForwarded(type) || !"checkout.session".equals(object.path("object").asText())) {
            log.debug("Event {} of type {} acknowledged and ignored", eventId, type);
            return;
        }
        String orderId = object.path("client_reference_id").asText(null);
        if (!OrderReference.isWellFormed(orderId)) {
            log.info("Event {} ({}) carries no order reference of ours; acknowledged", eventId, type);
            return;
        }
        PaymentEvent paymentEvent = new PaymentEvent(
                eventId,
                type,
                object.path("id").asText(null),
                object.path("payment_status").asText(null),
                object.path("payment_intent").isTextual() ? object.path("payment_intent").asText() : null,
                object.path("amount_total").isIntegralNumber() ? object.path("amount_total").asLong() : null,
                object.path("currency").asText(null));
        try {
            if (workflows.deliver(orderId, paymentEvent)) {
                log.info("Event {} ({}) forwarded to order {}", eventId, type, orderId);
                return;
            }
            // A stored, pending order whose workflow was lost gets a recovery workflow, with this event.
            Optional<OrderRecord> order = orders.findByReference(orderId);
            if (order.isPresent() && OrderStatus.PENDING.value().equals(order.get().status())
                    && workflows.deliverOrResume(orderId, order.get().currency(), paymentEvent)) {
                log.info("Event {} ({}) resumed order {}, whose workflow was missing", eventId, type, orderId);
                return;
            }
            log.info("Event {} ({}) for order {}: no running workflow (unknown or finished); acknowledged", eventId,
                    type, orderId);
            return;
        } catch (OrderWorkflowClient.Unavailable e) {
            // Never acknowledge what was not handed over: Stripe redelivers on a non-2xx.
            log.warn("Event {} for order {} not delivered: {}", eventId, orderId, e.getMessage());
            throw ApiException.unavailable("order workflows are unavailable; retry later");
        }
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
