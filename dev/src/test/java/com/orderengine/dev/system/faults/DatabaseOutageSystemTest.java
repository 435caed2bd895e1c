package com.orderengine.dev.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.dev.StripeEvents;
import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.dev.system.testing.StripeWebhooks;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.order.OrderReference;
import com.orderengine.order.workflow.OrderWorkflow;
import com.orderengine.order.workflow.PaymentEvent;
import com.orderengine.testing.RestartablePostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL goes down for 30 seconds while customers pay. A webhook answered 2xx must never be lost: once the
 * database is back, every paid order reads {@code paid}, each exactly once.
 */
class DatabaseOutageSystemTest {

    private static final int ORDERS = 10;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private static final RestartablePostgres postgres =
            RestartablePostgres.start(Path.of("target", "outage-postgres-" + System.nanoTime()));

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack(postgres.database());

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> worker = stack.worker();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<OrderEngineConfiguration> api = stack.api();

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void paymentsArrivingWhileTheDatabaseIsDownAreAllPaidOnceItIsBack() throws Exception {
        ApiClient client = new ApiClient(api.getLocalPort());
        StripeWebhooks webhooks = new StripeWebhooks(stack.stripe.baseUrl(), OrderEngineStack.SECRET_KEY);
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Reply reply = client.postJson(
                    "/api/checkout",
                    "{\"items\":[{\"productId\":" + (1 + i % 6) + ",\"quantity\":1}],\"email\":\"o" + i
                            + "@example.com\"}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            orderIds.add(reply.text("orderId"));
        }
        Map<String, String> sessions = new TreeMap<>();
        for (String orderId : orderIds) {
            sessions.put(
                    orderId,
                    stack.stripe.checkoutSessions().stream()
                            .filter(session -> orderId.equals(session.clientReferenceId()))
                            .findFirst()
                            .orElseThrow()
                            .id());
        }

        postgres.stop();
        Instant down = Instant.now();
        Map<Integer, Integer> webhookAnswers = new TreeMap<>();
        for (String orderId : orderIds) {
            String sessionId = sessions.get(orderId);
            stack.stripe.completeCheckoutSession(sessionId);
            String event = StripeEvents.event(
                    "evt_outage_" + orderId, PaymentEvent.CHECKOUT_SESSION_COMPLETED, webhooks.session(sessionId));
            // Stripe sends each event again until it gets a 2xx; twice here, the second a duplicate.
            for (int delivery = 0; delivery < 2; delivery++) {
                Reply reply = client.postWebhook(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET));
                webhookAnswers.merge(reply.status(), 1, Integer::sum);
            }
        }
        Reply readDuringOutage = client.get("/api/orders/" + orderIds.get(0));
        Thread.sleep(
                Math.max(0, OUTAGE.minus(Duration.between(down, Instant.now())).toMillis()));
        assertThat(orderIds)
                .as("nothing can be paid without the database")
                .noneMatch(orderId -> "paid".equals(workflowStatus(orderId)));
        postgres.start();
        Instant up = Instant.now();

        for (String orderId : orderIds) {
            awaitPaid(orderId);
        }
        Duration recovered = Duration.between(up, Instant.now());
        for (String orderId : orderIds) {
            assertThat(stack.database.count(
                            "SELECT count(*) FROM order_status_changes c JOIN orders o "
                                    + "ON o.id = c.order_id WHERE o.reference = ? AND c.to_status = 'paid'",
                            orderId))
                    .isEqualTo(1);
        }
        assertThat(webhookAnswers)
                .as("webhooks need no database to be accepted")
                .containsOnlyKeys(200);
        assertThat(readDuringOutage.status()).isEqualTo(503);
        assertThat(readDuringOutage.retryAfter()).as("told when to come back").isEqualTo("5");
        assertThat(readDuringOutage.json().path("error").asText()).contains("database");
        System.out.printf(
                "database outage: %d orders, %d webhook deliveries during a %d s outage, answers %s; "
                        + "all paid %d ms after the database came back%n",
                ORDERS, 2 * ORDERS, OUTAGE.toSeconds(), webhookAnswers, recovered.toMillis());
    }

    private static String workflowStatus(String orderId) {
        return stack.temporalClient()
                .newWorkflowStub(OrderWorkflow.class, OrderReference.workflowId(orderId))
                .state()
                .status();
    }

    private static void awaitPaid(String orderId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!"paid".equals(stack.database.status(orderId))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("order " + orderId + " not paid 90 s after the database came back");
            }
            Thread.sleep(200);
        }
    }
}
