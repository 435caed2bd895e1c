package com.orderengine.dev.system.webhook;

import static com.orderengine.dev.system.testing.PrometheusText.sample;
import static com.orderengine.dev.system.testing.PrometheusText.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderengine.dev.StripeEvents;
import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.order.OrderReference;
import com.orderengine.order.workflow.PaymentEvent;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhook events redelivered after an outage (older than the live age) are taken on at a bounded rate; the rest
 * are answered 503 with Retry-After at once, before anything is read or written, and counted as deferred.
 */
class WebhookBacklogSystemTest {

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    /** Nothing listens at this Temporal address: an event that got past the admission would answer "retried". */
    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> api = stack.api(
            "127.0.0.1:" + OrderEngineStack.freePort(),
            ConfigOverride.config("api", "backlog.webhookBacklogEventsPerSecond", "0.1"),
            ConfigOverride.config("api", "backlog.liveEventAge", "60s"));

    @Test
    void backlogEventsBeyondTheRateAreDeferredAtOnceWithRetryAfter() {
        double deferredBefore = deferred();
        // The first backlog event has the rate's turn (and fails on the missing Temporal: 503 "retried").
        send(oldEvent("evt_backlog_first"));

        long started = System.nanoTime();
        Reply deferred = send(oldEvent("evt_backlog_second"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(deferred.status()).as(deferred.body()).isEqualTo(503);
        assertThat(deferred.text("error")).contains("backlog");
        assertThat(deferred.retryAfter()).isEqualTo("30");
        assertThat(millis)
                .as("answered at once, not after the hand-over timeout")
                .isLessThan(1_000);
        assertThat(deferred()).isEqualTo(deferredBefore + 1);
    }

    private double deferred() {
        return sample(
                scrape(api.getAdminPort()),
                "orderengine_webhook_events_total{outcome=\"deferred\"," + "type=\"checkout.session.completed\",}");
    }

    /** A payment an hour old: Stripe redelivering it after an outage. */
    private static String oldEvent(String eventId) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode session = json.createObjectNode()
                .put("id", "cs_test_" + eventId)
                .put("object", "checkout.session")
                .put("client_reference_id", OrderReference.random())
                .put("payment_status", "paid")
                .put("amount_total", 1400)
                .put("currency", "usd");
        ObjectNode event;
        try {
            event = (ObjectNode)
                    json.readTree(StripeEvents.event(eventId, PaymentEvent.CHECKOUT_SESSION_COMPLETED, session));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        event.put("created", Instant.now().minusSeconds(3_600).getEpochSecond());
        return event.toString();
    }

    private static Reply send(String event) {
        return new ApiClient(api.getLocalPort())
                .send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + api.getLocalPort() + "/api/webhooks/stripe"))
                        .header("Stripe-Signature", StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofString(event)));
    }
}
