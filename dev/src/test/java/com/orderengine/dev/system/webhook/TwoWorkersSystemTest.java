package com.orderengine.dev.system.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.dev.StripeEvents;
import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.dev.system.testing.StripeWebhooks;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.order.OrderReference;
import com.orderengine.order.workflow.PaymentEvent;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two worker processes on one task queue share the orders, and no order is processed twice. */
class TwoWorkersSystemTest {

    private static final int ORDERS = 20;

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> workerA = stack.worker("worker-a");

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<OrderEngineConfiguration> workerB = stack.worker("worker-b");

    @RegisterExtension
    @Order(3)
    static final DropwizardAppExtension<OrderEngineConfiguration> api = stack.api();

    @Test
    void twentyOrdersArePaidOnceEachAcrossBothWorkers() throws Exception {
        ApiClient client = new ApiClient(api.getLocalPort());
        StripeWebhooks webhooks = new StripeWebhooks(stack.stripe.baseUrl(), OrderEngineStack.SECRET_KEY);
        int sessionsBefore = stack.stripe.checkoutSessionsCreated();
        List<String> orderIds = new ArrayList<>();
        ExecutorService customers = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Reply>> checkouts = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                String body = "{\"items\":[{\"productId\":" + (1 + i % 6) + ",\"quantity\":1}],\"email\":\"w" + i
                        + "@example.com\"}";
                checkouts.add(() -> client.postJson("/api/checkout", body));
            }
            for (Future<Reply> future : customers.invokeAll(checkouts)) {
                Reply reply = future.get();
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                orderIds.add(reply.text("orderId"));
            }
        } finally {
            customers.shutdown();
        }
        for (String orderId : orderIds) {
            String sessionId = stack.stripe.checkoutSessions().stream()
                    .filter(session -> orderId.equals(session.clientReferenceId()))
                    .findFirst()
                    .orElseThrow()
                    .id();
            stack.stripe.completeCheckoutSession(sessionId);
            String event = StripeEvents.event(
                    "evt_two_" + orderId, PaymentEvent.CHECKOUT_SESSION_COMPLETED, webhooks.session(sessionId));
            Reply reply = client.postWebhook(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET));
            assertThat(reply.status()).isEqualTo(200);
        }

        Set<String> identities = new HashSet<>();
        for (String orderId : orderIds) {
            var workflowId = OrderReference.workflowId(orderId);
            stack.temporalClient().newUntypedWorkflowStub(workflowId).getResult(20, TimeUnit.SECONDS, Object.class);
            for (HistoryEvent event :
                    stack.temporalClient().fetchHistory(workflowId).getEvents()) {
                // The set-up and the status changes are local activities: they run in the worker that completes
                // the workflow task, whose identity the history records.
                if (event.hasWorkflowTaskCompletedEventAttributes()) {
                    identities.add(
                            event.getWorkflowTaskCompletedEventAttributes().getIdentity());
                }
            }
            assertThat(stack.database.status(orderId)).isEqualTo("paid");
            assertThat(stack.database.count(
                            "SELECT count(*) FROM order_status_changes c JOIN orders o "
                                    + "ON o.id = c.order_id WHERE o.reference = ?",
                            orderId))
                    .isEqualTo(2);
        }
        assertThat(stack.stripe.checkoutSessionsCreated() - sessionsBefore).isEqualTo(ORDERS);
        assertThat(identities)
                .as("workflow tasks and their local activities ran on both workers")
                .containsExactlyInAnyOrder("worker-a", "worker-b");
    }
}
