package com.orderengine.dev.system.webhook;

import static com.orderengine.dev.system.testing.PrometheusText.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderengine.dev.StripeEvents;
import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.dev.system.testing.StripeWebhooks;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.order.OrderReference;
import com.orderengine.order.PricedLine;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.stripe.CheckoutSessionRequest;
import com.orderengine.order.stripe.CheckoutSessionState;
import com.orderengine.order.stripe.StripeCheckoutSessions;
import com.orderengine.order.workflow.OrderOutcome;
import com.orderengine.order.workflow.PaymentEvent;
import com.stripe.StripeClient;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stripe's side: signed webhooks into the running api, through the workflow, into the database. */
class StripeWebhookSystemTest {

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> worker = stack.worker();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<OrderEngineConfiguration> api = stack.api();

    private ApiClient client;
    private StripeWebhooks stripe;

    @BeforeEach
    void setUp() {
        client = new ApiClient(api.getLocalPort());
        stripe = new StripeWebhooks(stack.stripe.baseUrl(), OrderEngineStack.SECRET_KEY);
    }

    @Test
    void checkoutThenASignedCompletedEventMarksTheOrderPaidAndCompletesTheWorkflow() throws Exception {
        String orderId = checkout();
        String event = paidAtStripe(orderId, "evt_pay_");

        Reply reply = deliver(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"received\":true}");
        OrderOutcome outcome = stack.temporalClient()
                .newUntypedWorkflowStub(OrderReference.workflowId(orderId))
                .getResult(10, TimeUnit.SECONDS, OrderOutcome.class);
        assertThat(outcome.status()).isEqualTo("paid");
        var order = client.get("/api/orders/" + orderId).json();
        assertThat(order.path("status").asText()).isEqualTo("paid");
        assertThat(Instant.parse(order.path("paidAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(stack.database.status(orderId)).isEqualTo("paid");
    }

    @Test
    void theSameEventDeliveredTwentyTimesSeveralAtOnceMakesOneTransition() throws Exception {
        String orderId = checkout();
        String event = paidAtStripe(orderId, "evt_dup_");
        String signature = StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET);

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> firstWave = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                firstWave.add(() -> deliver(event, signature).status());
            }
            for (Future<Integer> status : pool.invokeAll(firstWave)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }
        awaitStatus(orderId, "paid");
        for (int i = 0; i < 8; i++) {
            statuses.add(deliver(event, signature).status()); // after the workflow has closed
        }

        assertThat(statuses).hasSize(20).containsOnly(200);
        assertThat(stack.database.count(
                        "SELECT count(*) FROM order_status_changes c JOIN orders o ON o.id = c.order_id "
                                + "WHERE o.reference = ? AND c.to_status = 'paid'",
                        orderId))
                .isEqualTo(1);
    }

    @Test
    void aThousandDeliveriesOfOneEventFiftyAtATimeMakeOneTransitionAndNo5xx() throws Exception {
        String orderId = checkout();
        String event = paidAtStripe(orderId, "evt_storm_");
        String signature = StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET);

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        long started = System.nanoTime();
        try {
            List<Callable<Integer>> deliveries = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                deliveries.add(() -> deliver(event, signature).status());
            }
            for (Future<Integer> status : pool.invokeAll(deliveries)) {
                statuses.merge(status.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdown();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("duplicate storm: 1000 deliveries, 50 at a time, in %d ms: %s%n", millis, statuses);

        assertThat(statuses).containsOnlyKeys(200);
        awaitStatus(orderId, "paid");
        assertThat(stack.database.count(
                        "SELECT count(*) FROM order_status_changes c JOIN orders o ON o.id = c.order_id "
                                + "WHERE o.reference = ? AND c.to_status = 'paid'",
                        orderId))
                .isEqualTo(1);
    }

    @Test
    void signaturesAreCheckedAsStripesLibrariesCheckThem() throws Exception {
        String orderId = checkout();
        String event = paidAtStripe(orderId, "evt_sig_");
        String valid = StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET);
        String timestamp = valid.substring(2, valid.indexOf(','));
        String goodV1 = valid.substring(valid.indexOf("v1=") + 3);

        // A valid event captured and replayed after the 300 s tolerance is refused.
        long old = Instant.now().minusSeconds(301).getEpochSecond();
        assertThat(deliver(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET, old))
                        .status())
                .isEqualTo(400);
        // Several v1 entries (Stripe sends one per active secret while rolling them): one matching is enough.
        assertThat(deliver(event, "t=" + timestamp + ",v1=" + "0".repeat(64) + ",v1=" + goodV1)
                        .status())
                .isEqualTo(200);
        // Only v0 (the old scheme) is not accepted.
        assertThat(deliver(event, "t=" + timestamp + ",v0=" + goodV1).status()).isEqualTo(400);
        // A signature from a different timestamp than the one it claims fails.
        assertThat(deliver(event, "t=" + (Long.parseLong(timestamp) - 1) + ",v1=" + goodV1)
                        .status())
                .isEqualTo(400);
        awaitStatus(orderId, "paid");
    }

    @Test
    void invalidMissingAndStaleSignaturesAre400AndChangeNothing() {
        String orderId = checkout();
        String event = paidAtStripe(orderId, "evt_forged_");

        Reply wrongSecret = deliver(event, StripeEvents.sign(event, "whsec_someone_else"));
        Reply missing = deliver(event, null);
        Reply stale = deliver(
                event,
                StripeEvents.sign(
                        event,
                        OrderEngineStack.WEBHOOK_SECRET,
                        Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond()));
        Reply tampered = deliver(
                event.replace("\"paid\"", "\"paid\" "), StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET));
        Reply garbage = deliver(event, "t=abc,v1=nothex");

        for (Reply reply : List.of(wrongSecret, missing, stale, tampered, garbage)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().path("error").asText()).isNotBlank();
        }
        assertThat(missing.text("error")).isEqualTo("missing Stripe-Signature header");
        assertThat(stale.text("error")).contains("tolerance");
        assertThat(stack.database.status(orderId)).isEqualTo("pending");
        assertThat(stack.database.count(
                        "SELECT count(*) FROM order_status_changes c JOIN orders o ON o.id = c.order_id "
                                + "WHERE o.reference = ?",
                        orderId))
                .isEqualTo(1);
    }

    @Test
    void eventsThatAreNotOursOrNotForOrdersAreAcknowledged() {
        ObjectNode foreignSession = stripe.session(sessionOf(checkout())).deepCopy();
        foreignSession.putNull("client_reference_id"); // as `stripe trigger checkout.session.completed` sends
        String foreign = StripeEvents.event("evt_foreign", PaymentEvent.CHECKOUT_SESSION_COMPLETED, foreignSession);
        foreignSession.put("client_reference_id", OrderReference.random()); // well-formed, but no such order
        String unknownOrder =
                StripeEvents.event("evt_unknown", PaymentEvent.CHECKOUT_SESSION_COMPLETED, foreignSession);
        ObjectNode charge =
                new ObjectMapper().createObjectNode().put("id", "ch_1").put("object", "charge");
        String ignoredType = StripeEvents.event("evt_charge", "charge.succeeded", charge);

        for (String event : List.of(foreign, unknownOrder, ignoredType)) {
            Reply reply = deliver(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().path("received").asBoolean()).isTrue();
        }
    }

    @Test
    void anUnpaidOrderCanBeCancelledAndAPaidOneCannot() throws Exception {
        String unpaid = checkout();
        Reply cancelled = client.postJson("/api/orders/" + unpaid + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(stack.stripe.checkoutSession(sessionOf(unpaid)).orElseThrow().status())
                .isEqualTo("expired");
        Reply again = client.postJson("/api/orders/" + unpaid + "/cancel", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("cancelled");

        String paid = checkout();
        String event = paidAtStripe(paid, "evt_cancel_");
        deliver(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET));
        awaitStatus(paid, "paid");
        Reply refused = client.postJson("/api/orders/" + paid + "/cancel", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("error")).contains("paid order cannot be cancelled");
        assertThat(stack.database.status(paid)).isEqualTo("paid");

        assertThat(client.postJson("/api/orders/" + OrderReference.random() + "/cancel", "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anOrderWhoseWorkflowWasLostIsRecoveredAndThenCancelled() throws Exception {
        String orderId = OrderReference.random();
        List<PricedLine> lines = List.of(PricedLine.of(1, "Ceramic Mug", 1, new BigDecimal("14.00"), "usd"));
        OrderDao orders = stack.database.jdbi().onDemand(OrderDao.class);
        orders.createOrder(orderId, "lost@example.com", "usd", new BigDecimal("14.00"), lines);
        CheckoutSessionState session = new StripeCheckoutSessions(
                        StripeClient.builder()
                                .setApiKey(OrderEngineStack.SECRET_KEY)
                                .setApiBase(stack.stripe.baseUrl())
                                .build(),
                        OrderEngineStack.SITE_URL + "/checkout/success",
                        OrderEngineStack.SITE_URL + "/cart")
                .create(new CheckoutSessionRequest(
                        orderId,
                        "lost@example.com",
                        "usd",
                        lines,
                        Instant.now().plusSeconds(3600).getEpochSecond()));
        orders.recordCheckoutSession(
                orderId, session.id(), session.url(), Instant.ofEpochSecond(session.expiresAtEpochSecond()));
        assertThatThrownBy(() -> stack.temporalClient()
                        .newUntypedWorkflowStub(OrderReference.workflowId(orderId))
                        .describe())
                .as("the order starts without a workflow")
                .isNotNull();

        Reply cancelled = client.postJson("/api/orders/" + orderId + "/cancel", "");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(stack.stripe.checkoutSession(session.id()).orElseThrow().status())
                .isEqualTo("expired");
    }

    @Test
    void aSignedBodyThatIsNotAnEventIs400() {
        String body = "{\"hello\":\"world\"}";
        Reply reply = deliver(body, StripeEvents.sign(body, OrderEngineStack.WEBHOOK_SECRET));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).contains("not a Stripe event");
    }

    /** Pays the order's session at Stripe (no webhook yet) and returns the completed event Stripe would send. */
    private String paidAtStripe(String orderId, String eventIdPrefix) {
        String sessionId = sessionOf(orderId);
        stack.stripe.completeCheckoutSession(sessionId);
        return StripeEvents.event(
                eventIdPrefix + orderId, PaymentEvent.CHECKOUT_SESSION_COMPLETED, stripe.session(sessionId));
    }

    private String checkout() {
        Reply reply = client.postJson(
                "/api/checkout", "{\"items\":[{\"productId\":2,\"quantity\":2}],\"email\":\"hopper@example.com\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.text("orderId");
    }

    @Test
    void aDelayedPaymentSettlingAfterTheCancelIsRefundedOnceAndItsRefundEventChangesNothing() throws Exception {
        String orderId = checkout();
        String sessionId = sessionOf(orderId);
        stack.stripe.payLater(sessionId);
        assertThat(forwardEmulatorEvent(PaymentEvent.CHECKOUT_SESSION_COMPLETED, sessionId)
                        .status())
                .isEqualTo(200);
        Reply cancelled = client.postJson("/api/orders/" + orderId + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        String paymentIntent = stack.stripe.settleAsyncPayment(sessionId).paymentIntent();
        for (int delivery = 0; delivery < 3; delivery++) { // Stripe may deliver it more than once
            Reply reply = forwardEmulatorEvent(PaymentEvent.CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED, sessionId);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            awaitCount(
                    "SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.reference = ?",
                    orderId,
                    1);
        }
        assertThat(stack.stripe.refundsForPaymentIntent(paymentIntent)).hasSize(1);
        String chargeId =
                stack.stripe.refundsForPaymentIntent(paymentIntent).get(0).charge();
        // The refund's own charge.refunded comes back to us: the order is cancelled, not paid, so nothing moves.
        assertThat(forwardEmulatorEvent(PaymentEvent.CHARGE_REFUNDED, chargeId).status())
                .isEqualTo(200);
        var order = client.get("/api/orders/" + orderId).json();
        assertThat(order.path("status").asText()).isEqualTo("cancelled");
        assertThat(order.path("refunds")).hasSize(1);
        assertThat(order.path("refunds").get(0).path("amount").asText()).isEqualTo("39.98");
        assertThat(order.path("refunds").get(0).path("refundId").asText())
                .isEqualTo(stack.stripe
                        .refundsForPaymentIntent(paymentIntent)
                        .get(0)
                        .id());
        assertThat(stack.database.count(
                        "SELECT count(*) FROM order_status_changes c JOIN orders o "
                                + "ON o.id = c.order_id WHERE o.reference = ?",
                        orderId))
                .isEqualTo(2);
    }

    @Test
    void aRefundMadeAtStripeMakesAPaidOrderRefunded() throws Exception {
        String orderId = checkout();
        String sessionId = sessionOf(orderId);
        String paymentIntent = stack.stripe.completeCheckoutSession(sessionId).paymentIntent();
        assertThat(forwardEmulatorEvent(PaymentEvent.CHECKOUT_SESSION_COMPLETED, sessionId)
                        .status())
                .isEqualTo(200);
        awaitStatus(orderId, "paid");

        // An operator refunds the payment in Stripe's dashboard; Stripe tells us with charge.refunded.
        String chargeId = stack.stripe.refundPayment(paymentIntent).charge();
        Reply reply = forwardEmulatorEvent(PaymentEvent.CHARGE_REFUNDED, chargeId);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        awaitStatus(orderId, "refunded");
        assertThat(client.get("/api/orders/" + orderId).json().path("status").asText())
                .isEqualTo("refunded");
        assertThat(forwardEmulatorEvent(PaymentEvent.CHARGE_REFUNDED, chargeId).status())
                .isEqualTo(200);
        assertThat(stack.database.count(
                        "SELECT count(*) FROM order_status_changes c JOIN orders o "
                                + "ON o.id = c.order_id WHERE o.reference = ? AND c.to_status = 'refunded'",
                        orderId))
                .isEqualTo(1);
    }

    @Test
    void operatorsScrapePrometheusOnBothAdminPortsAndSeeTheHealthOfEachDependency() throws Exception {
        String orderId = checkout();
        String event = paidAtStripe(orderId, "evt_metrics_");
        assertThat(deliver(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET))
                        .status())
                .isEqualTo(200);
        assertThat(deliver(event, "t=1,v1=forged").status()).isEqualTo(400);
        awaitStatus(orderId, "paid");
        stack.temporalClient()
                .newUntypedWorkflowStub(OrderReference.workflowId(orderId))
                .getResult(10, TimeUnit.SECONDS, OrderOutcome.class);
        // Stripe sends it again after the order finished, and an event type the engine does not act on.
        assertThat(deliver(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET))
                        .status())
                .isEqualTo(200);
        String other = StripeEvents.event(
                "evt_metrics_other_" + orderId,
                "customer.created",
                new ObjectMapper().createObjectNode().put("id", "cus_1").put("object", "customer"));
        assertThat(deliver(other, StripeEvents.sign(other, OrderEngineStack.WEBHOOK_SECRET))
                        .status())
                .isEqualTo(200);

        Reply apiMetrics = admin(api.getAdminPort(), "/prometheus");
        assertThat(apiMetrics.status()).isEqualTo(200);
        assertThat(apiMetrics.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(sample(apiMetrics.body(), "orderengine_checkouts_total{outcome=\"started\",}"))
                .isPositive();
        assertThat(sample(
                        apiMetrics.body(),
                        "orderengine_webhook_events_total{outcome=\"accepted\","
                                + "type=\"checkout.session.completed\",}"))
                .isPositive();
        assertThat(sample(
                        apiMetrics.body(),
                        "orderengine_webhook_events_total{outcome=\"invalid_signature\"," + "type=\"unknown\",}"))
                .isPositive();
        assertThat(sample(
                        apiMetrics.body(),
                        "orderengine_webhook_events_total{outcome=\"duplicate\","
                                + "type=\"checkout.session.completed\",}"))
                .isPositive();
        assertThat(sample(
                        apiMetrics.body(),
                        "orderengine_webhook_events_total{outcome=\"ignored\"," + "type=\"customer.created\",}"))
                .isPositive();
        assertThat(sample(apiMetrics.body(), "io_dropwizard_jetty_MutableServletContextHandler_post_requests_count"))
                .as("Dropwizard's own metrics (Jetty)")
                .isPositive();
        assertThat(sample(apiMetrics.body(), "io_dropwizard_db_ManagedPooledDataSource_postgresql_size"))
                .as("Dropwizard's own metrics (the connection pool)")
                .isPositive();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String workerMetrics = admin(worker.getAdminPort(), "/prometheus").body();
        while (!workerMetrics.contains("temporal_") && System.nanoTime() < deadline) {
            Thread.sleep(200); // the SDK hands its figures over once a second
            workerMetrics = admin(worker.getAdminPort(), "/prometheus").body();
        }
        assertThat(sample(workerMetrics, "orderengine_orders_finished_total{status=\"paid\",}"))
                .isPositive();
        assertThat(sample(workerMetrics, "orderengine_checkout_to_paid_seconds_count"))
                .isPositive();
        assertThat(workerMetrics).as("the Temporal SDK's metrics").containsPattern("(?m)^temporal_\\w+");

        for (int port : List.of(api.getAdminPort(), worker.getAdminPort())) {
            var health = admin(port, "/healthcheck").json();
            for (String check : List.of("postgresql", "temporal", "stripe")) {
                assertThat(health.path(check).path("healthy").asBoolean())
                        .as(check + " on " + port)
                        .isTrue();
            }
        }
        assertThat(admin(worker.getAdminPort(), "/healthcheck")
                        .json()
                        .path("stripe")
                        .path("message")
                        .asText())
                .isEqualTo("Stripe emulator at " + stack.stripe.baseUrl() + ", test mode");
    }

    @Test
    void everyLogLineAboutAnOrderCarriesItsReferenceAndWorkflowIdFromRequestToActivity() throws Exception {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(lines);
        String orderId;
        try {
            orderId = checkout();
            String event = paidAtStripe(orderId, "evt_logs_");
            assertThat(deliver(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET))
                            .status())
                    .isEqualTo(200);
            awaitStatus(orderId, "paid");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (lines.list.stream()
                            .noneMatch(line -> line.getFormattedMessage().contains(orderId + " -> paid"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            root.detachAppender(lines);
        }
        List<ILoggingEvent> ours = List.copyOf(lines.list).stream()
                .filter(line -> line.getLoggerName().startsWith("com.orderengine"))
                .filter(line -> line.getFormattedMessage().contains(orderId)
                        || orderId.equals(line.getMDCPropertyMap().get("OrderId")))
                .toList();
        assertThat(ours)
                .extracting(line -> line.getLoggerName().replaceAll(".*\\.", "") + ": "
                        + line.getFormattedMessage().replaceAll(" \\d+ ms$", ""))
                .contains(
                        "request: POST /api/checkout 200",
                        "request: POST /api/webhooks/stripe 200",
                        "StripeEventForwarder: Event evt_logs_" + orderId + " (checkout.session.completed) forwarded "
                                + "to order " + orderId,
                        "OrderActivitiesImpl: Order " + orderId + " -> paid: paid (event evt_logs_" + orderId + ")");
        assertThat(ours)
                .as("the Stripe emulator's lines about the order are tagged by the engine's OrderLogTagger")
                .anySatisfy(line -> assertThat(line.getLoggerName()).startsWith("com.orderengine.stripeemulator"));
        assertThat(ours)
                .as("every line about the order, in the api, the worker and the emulator, is tagged with it")
                .allSatisfy(line -> {
                    assertThat(line.getMDCPropertyMap()).containsEntry("OrderId", orderId);
                    assertThat(line.getMDCPropertyMap()).containsEntry("WorkflowId", "order-" + orderId);
                });
        assertThat(ours)
                .filteredOn(line -> line.getLoggerName().endsWith(".request"))
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap()).containsKey("RequestId"));
    }

    private static Reply admin(int port, String path) {
        return new ApiClient(port).get(path);
    }

    /** Sends the emulator's own event about {@code objectId}, signed, as Stripe's delivery would. */
    private Reply forwardEmulatorEvent(String type, String objectId) {
        String payload = stack.stripe.events().stream()
                .filter(event -> type.equals(event.type()) && objectId.equals(event.objectId()))
                .reduce((first, second) -> second)
                .orElseThrow(() ->
                        new AssertionError("no " + type + " event for " + objectId + " in " + stack.stripe.events()))
                .payload();
        return deliver(payload, StripeEvents.sign(payload, OrderEngineStack.WEBHOOK_SECRET));
    }

    private void awaitCount(String sql, String orderId, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stack.database.count(sql, orderId) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stack.database.count(sql, orderId)).isEqualTo(expected);
    }

    private String sessionOf(String orderId) {
        return stack.stripe.checkoutSessions().stream()
                .filter(session -> orderId.equals(session.clientReferenceId()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private Reply deliver(String payload, String signature) {
        return client.postWebhook(payload, signature);
    }

    private void awaitStatus(String orderId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!status.equals(stack.database.status(orderId)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stack.database.status(orderId)).isEqualTo(status);
    }
}
