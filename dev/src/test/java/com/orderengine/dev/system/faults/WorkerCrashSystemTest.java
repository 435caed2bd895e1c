package com.orderengine.dev.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.dev.StripeEvents;
import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.dev.system.testing.StripeWebhooks;
import com.orderengine.dev.system.testing.WorkerProcess;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.order.OrderReference;
import com.orderengine.order.workflow.PaymentEvent;
import com.orderengine.stripeemulator.CheckoutSessionView;
import com.orderengine.stripeemulator.fault.StripeOperation;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker is a separate JVM and is killed with SIGKILL while four orders stand at four different steps; a new
 * worker process takes over. Every order must end paid, once, with exactly one Checkout Session at Stripe.
 */
class WorkerCrashSystemTest {

    /** Longer than the 30 s the workflow gives a Stripe call, so the retry overtakes the held request. */
    private static final Duration HOLD_STRIPE = Duration.ofSeconds(45);

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> api = stack.api();

    private final ApiClient client = new ApiClient(api.getLocalPort());
    private final StripeWebhooks webhooks = new StripeWebhooks(stack.stripe.baseUrl(), OrderEngineStack.SECRET_KEY);

    @Test
    void aWorkerKilledAtEachStepLosesNoOrderAndCreatesNoSecondSession() throws Exception {
        Map<String, String> orders = new LinkedHashMap<>(); // step -> idempotency key
        ExecutorService customers = Executors.newCachedThreadPool();
        Instant started = Instant.now();
        WorkerProcess first = WorkerProcess.start("crash-first", stack.workerEnvironment());
        Future<Reply> afterInsert;
        Future<Reply> afterSession;
        try (Connection rowLock = stack.database.dataSource().getConnection()) {
            // Waiting for payment: an ordinary pending order.
            orders.put("waiting for payment", checkoutNow());

            // Marking paid: a test transaction holds the order's row, so the worker's transition waits on it.
            orders.put("marking paid", checkoutNow());
            rowLock.setAutoCommit(false);
            try (PreparedStatement lock =
                    rowLock.prepareStatement("SELECT id FROM orders WHERE reference = ? FOR UPDATE")) {
                lock.setString(1, orderId(orders.get("marking paid")));
                lock.executeQuery().close();
            }
            assertThat(pay(orderId(orders.get("marking paid"))).status()).isEqualTo(200);
            await(
                    "the worker's transition waits on the row lock",
                    () -> stack.database.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND query LIKE '%FOR UPDATE%'")
                            == 1);

            // After the order insert: the order is stored, the Stripe call that creates its session is held.
            int createsBefore = stack.stripe.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION);
            stack.stripe.faults().delayNext(StripeOperation.CREATE_CHECKOUT_SESSION, 1, HOLD_STRIPE);
            String insertKey = UUID.randomUUID().toString();
            orders.put("after the order insert", insertKey);
            afterInsert = customers.submit(() -> checkout(insertKey));
            await(
                    "the order is stored and its session requested",
                    () -> stack.database.status(orderId(insertKey)) != null
                            && stack.stripe.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION) > createsBefore);

            // After the session is created: Stripe has made it, the answer is held back.
            stack.stripe.faults().delayNextAfterExecuting(StripeOperation.CREATE_CHECKOUT_SESSION, HOLD_STRIPE);
            String sessionKey = UUID.randomUUID().toString();
            orders.put("after the session is created", sessionKey);
            afterSession = customers.submit(() -> checkout(sessionKey));
            await(
                    "the session exists at Stripe",
                    () -> sessions(orderId(sessionKey)).size() == 1);

            first.kill();
            assertThat(first.exitCode()).as("killed by SIGKILL").isEqualTo(137);

            // No worker runs: the customer pays, and the webhook is still accepted, its signal kept by Temporal.
            assertThat(pay(orderId(orders.get("waiting for payment"))).status()).isEqualTo(200);
            rowLock.rollback();
        }
        // The checkouts held across the crash answered 503 (retry) or, had the session come in time, the URL.
        assertThat(afterInsert.get().status()).isIn(200, 503);
        assertThat(afterSession.get().status()).isIn(200, 503);

        try (WorkerProcess second = WorkerProcess.start("crash-second", stack.workerEnvironment())) {
            recoverAll(orders);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + histories(orders), e);
        } finally {
            customers.shutdownNow();
        }
        for (Map.Entry<String, String> order : orders.entrySet()) {
            String orderId = orderId(order.getValue());
            assertThat(sessions(orderId))
                    .as(order.getKey() + ": sessions at Stripe")
                    .hasSize(1);
            assertThat(stack.database.count("SELECT count(*) FROM orders WHERE reference = ?", orderId))
                    .isEqualTo(1);
            assertThat(stack.database.count(
                            "SELECT count(*) FROM order_status_changes c JOIN orders o "
                                    + "ON o.id = c.order_id WHERE o.reference = ? AND c.to_status = 'paid'",
                            orderId))
                    .as(order.getKey() + ": one transition to paid")
                    .isEqualTo(1);
        }
        System.out.printf(
                "worker crash: 4 orders, SIGKILL at 4 steps, all paid once, 4 sessions, in %d s%n",
                Duration.between(started, Instant.now()).toSeconds());
    }

    private void recoverAll(Map<String, String> orders) throws InterruptedException {
        for (String step : List.of("waiting for payment", "marking paid")) {
            String orderId = orderId(orders.get(step));
            await(step + ": paid", () -> "paid".equals(stack.database.status(orderId)));
        }
        for (String step : List.of("after the order insert", "after the session is created")) {
            String orderId = orderId(orders.get(step));
            await(
                    step + ": the retried checkout answers the URL",
                    () -> checkout(orders.get(step)).status() == 200);
            assertThat(pay(orderId).status()).isEqualTo(200);
        }
        for (Map.Entry<String, String> order : orders.entrySet()) {
            String orderId = orderId(order.getValue());
            await(order.getKey() + ": paid", () -> "paid".equals(stack.database.status(orderId)));
        }
    }

    /** What Temporal recorded for each order, for a failure message. */
    private static String histories(Map<String, String> orders) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> order : orders.entrySet()) {
            String workflowId = OrderReference.workflowId(orderId(order.getValue()));
            out.append(order.getKey()).append(" (").append(workflowId).append("):");
            try {
                stack.temporalClient()
                        .fetchHistory(workflowId)
                        .getEvents()
                        .forEach(event -> out.append(' ')
                                .append(event.getEventType().name().replace("EVENT_TYPE_", "")));
            } catch (RuntimeException e) {
                out.append(' ').append(e.getMessage());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String checkoutNow() {
        String key = UUID.randomUUID().toString();
        Reply reply = checkout(key);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return key;
    }

    private Reply checkout(String idempotencyKey) {
        return client.postJson(
                "/api/checkout",
                "{\"items\":[{\"productId\":2,\"quantity\":1}]," + "\"email\":\"crash@example.com\"}",
                Map.of("Idempotency-Key", idempotencyKey));
    }

    private static String orderId(String idempotencyKey) {
        return OrderReference.fromIdempotencyKey(idempotencyKey);
    }

    private List<CheckoutSessionView> sessions(String orderId) {
        return stack.stripe.checkoutSessions().stream()
                .filter(session -> orderId.equals(session.clientReferenceId()))
                .toList();
    }

    /** The customer pays at Stripe and Stripe's webhook reaches the api. */
    private Reply pay(String orderId) {
        String sessionId = sessions(orderId).get(0).id();
        stack.stripe.completeCheckoutSession(sessionId);
        String event = StripeEvents.event(
                "evt_crash_" + orderId, PaymentEvent.CHECKOUT_SESSION_COMPLETED, webhooks.session(sessionId));
        return client.postWebhook(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(250);
        }
    }
}
