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
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With Temporal unreachable nothing is acknowledged that was not handed over: Stripe is told to retry. Each answer
 * is also counted for operators by its outcome.
 */
class TemporalUnavailableTest {

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    /** An address where nothing listens. */
    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> api =
            stack.api("127.0.0.1:" + OrderEngineStack.freePort());

    @Test
    void aWebhookIsAnswered503SoStripeRedelivers() {
        ObjectNode session = new ObjectMapper()
                .createObjectNode()
                .put("id", "cs_test_down")
                .put("object", "checkout.session")
                .put("client_reference_id", OrderReference.random())
                .put("payment_status", "paid")
                .put("amount_total", 1400)
                .put("currency", "usd");
        String event = StripeEvents.event("evt_down", PaymentEvent.CHECKOUT_SESSION_COMPLETED, session);

        long started = System.nanoTime();
        Reply reply = new ApiClient(api.getLocalPort())
                .send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + api.getLocalPort() + "/api/webhooks/stripe"))
                        .header("Stripe-Signature", StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofString(event)));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.text("error")).contains("retry");
        assertThat(reply.retryAfter()).as("Retry-After: the configured 30 s").isEqualTo("30");
        assertThat(millis)
                .as("answered within the configured 2 s RPC timeout plus slack")
                .isLessThan(8_000);
        assertThat(sample(
                        scrape(api.getAdminPort()),
                        "orderengine_webhook_events_total{outcome=\"retried\","
                                + "type=\"checkout.session.completed\",}"))
                .as("operators see the deliveries Stripe must repeat")
                .isPositive();
    }

    @Test
    void aSignedBodyThatIsNoStripeEventIsCountedAsAnInvalidPayload() {
        String body = "{\"not\":\"an event\"}";
        double before = invalidPayloads();

        Reply reply = new ApiClient(api.getLocalPort())
                .send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + api.getLocalPort() + "/api/webhooks/stripe"))
                        .header("Stripe-Signature", StripeEvents.sign(body, OrderEngineStack.WEBHOOK_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(invalidPayloads()).isEqualTo(before + 1);
    }

    private double invalidPayloads() {
        return sample(
                scrape(api.getAdminPort()),
                "orderengine_webhook_events_total{outcome=\"invalid_payload\",type=\"unknown\",}");
    }

    @Test
    void aCheckoutIsAnswered503AndWritesNothing() {
        Reply reply = new ApiClient(api.getLocalPort())
                .postJson(
                        "/api/checkout", "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"a@example.com\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.text("error")).contains("retry");
        assertThat(reply.retryAfter()).isEqualTo("5");
        assertThat(stack.database.count("SELECT count(*) FROM orders")).isZero();
        assertThat(sample(scrape(api.getAdminPort()), "orderengine_checkouts_total{outcome=\"unavailable\",}"))
                .isPositive();
    }

    @Test
    void aCheckoutRefusedByValidationBeforeTheServiceRunsIsCountedAsRejected() {
        double before = sample(scrape(api.getAdminPort()), "orderengine_checkouts_total{outcome=\"rejected\",}");

        Reply reply = new ApiClient(api.getLocalPort())
                .postJson(
                        "/api/checkout", "{\"items\":[{\"productId\":1,\"quantity\":0}],\"email\":\"a@example.com\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(sample(scrape(api.getAdminPort()), "orderengine_checkouts_total{outcome=\"rejected\",}"))
                .isEqualTo(before + 1);
    }
}
