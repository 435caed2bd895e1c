package com.orderengine.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The emulator's log lines about an object are tagged by the caller's {@link OrderTagger} from the labels of that
 * object and the objects it came from: API requests, hosted page and operator actions, webhook deliveries.
 */
class OrderLoggingTest {

    /** 22 URL-safe base64 characters, like the engine's order references. */
    private static final String ORDER = "Ab3_Cd4-Ef5Gh6Ij7Kl8Mn";

    private static final String OTHER_ORDER = "Zz9_Yy8-Xx7Ww6Vv5Uu4Tt";
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final String API_LOGGER = "com.orderengine.stripeemulator.api";

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // An event reads the MDC lazily: take it now, on the thread that logged.
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final Logger emulatorLogger = (Logger) LoggerFactory.getLogger("com.orderengine.stripeemulator");
    private Level previousLevel;
    private boolean previousAdditivity;
    private StripeEmulator emulator;
    private StripeClient stripe;
    private Browser browser;

    @BeforeEach
    void start() {
        previousLevel = emulatorLogger.getLevel();
        previousAdditivity = emulatorLogger.isAdditive();
        emulatorLogger.setLevel(Level.INFO);
        emulatorLogger.setAdditive(false);
        appender.start();
        emulatorLogger.addAppender(appender);
        emulator = StripeEmulator.start(StripeEmulatorOptions.defaults()
                .withWebhookUrl(receiver.url())
                .withApiVersion(Stripe.API_VERSION)
                .withDeliveryBackoff(Duration.ofMillis(50))
                .withLogTagger(new OrderTagger()));
        stripe = TestStripe.client(emulator);
        browser = new Browser(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
        emulatorLogger.detachAppender(appender);
        appender.stop();
        emulatorLogger.setLevel(previousLevel);
        emulatorLogger.setAdditive(previousAdditivity);
        MDC.clear();
    }

    @Test
    void followsAnOrderFromItsSessionThroughPaymentAndWebhookToItsRefund() throws Exception {
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().setClientReferenceId(ORDER).build(), key("create-" + ORDER));

        ILoggingEvent created = line(API_LOGGER, "POST /v1/checkout/sessions 200 ");
        assertThat(created.getFormattedMessage())
                .matches("POST /v1/checkout/sessions 200 \\d+ ms " + session.getId())
                .doesNotContain("replayed");
        assertTaggedWith(created, ORDER);

        HttpResponse<String> paid = browser.post("/c/pay/" + session.getId() + "/pay", "email=ada%40example.com");
        assertThat(paid.statusCode()).isEqualTo(303);
        String paymentIntent =
                emulator.checkoutSession(session.getId()).orElseThrow().paymentIntent();
        ILoggingEvent payLine = line(
                "com.orderengine.stripeemulator.checkout.HostedCheckoutHandler", "Hosted page pay " + session.getId());
        assertThat(payLine.getLevel()).isEqualTo(Level.INFO);
        assertThat(payLine.getFormattedMessage()).endsWith(": complete, paid, " + paymentIntent);
        assertTaggedWith(payLine, ORDER);

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        ILoggingEvent delivered = line("com.orderengine.stripeemulator.webhook.WebhookDeliveries", "Delivered ");
        assertThat(delivered.getLevel()).isEqualTo(Level.INFO);
        assertThat(delivered.getFormattedMessage())
                .matches("Delivered evt_\\w+ checkout\\.session\\.completed to "
                        + receiver.url().replace(".", "\\.") + " : 200 in \\d+ ms \\(attempt 1\\)");
        assertTaggedWith(delivered, ORDER);

        Refund refund = stripe.v1()
                .refunds()
                .create(
                        RefundCreateParams.builder()
                                .setPaymentIntent(paymentIntent)
                                .setAmount(500L)
                                .build(),
                        key("refund-" + ORDER));
        ILoggingEvent refunded = line(API_LOGGER, "POST /v1/refunds 200 ");
        assertThat(refunded.getFormattedMessage()).endsWith(" ms " + refund.getId());
        assertTaggedWith(refunded, ORDER);

        // refund.created carries no order of its own: it is traced through its PaymentIntent to the session.
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        for (String type : List.of("charge.refunded", "refund.created")) {
            assertTaggedWith(
                    line(
                            "com.orderengine.stripeemulator.webhook.WebhookDeliveries",
                            "Delivered evt_",
                            " " + type + " to "),
                    ORDER);
        }
    }

    @Test
    void replaysRetrievalsAndErrorsAboutAnOrderAreTaggedToo() throws StripeException {
        // No client_reference_id: the order is found in metadata[order_id].
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(
                        TestStripe.minimalSession()
                                .putMetadata("order_id", ORDER)
                                .build(),
                        key("create-once"));
        stripe.v1()
                .checkout()
                .sessions()
                .create(
                        TestStripe.minimalSession()
                                .putMetadata("order_id", ORDER)
                                .build(),
                        key("create-once"));
        stripe.v1().checkout().sessions().retrieve(session.getId());
        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent("pi_unknown")
                                .putMetadata("order_id", ORDER)
                                .build()))
                .isInstanceOf(StripeException.class);

        ILoggingEvent replayed = line(API_LOGGER, "POST /v1/checkout/sessions 200 ", "(replayed)");
        assertThat(replayed.getFormattedMessage()).endsWith(" ms " + session.getId() + " (replayed)");
        assertTaggedWith(replayed, ORDER);
        assertTaggedWith(line(API_LOGGER, "GET /v1/checkout/sessions/" + session.getId() + " 200 "), ORDER);
        ILoggingEvent refused = line(API_LOGGER, "POST /v1/refunds 404 ");
        assertThat(refused.getFormattedMessage()).endsWith(" error=resource_missing");
        assertTaggedWith(refused, ORDER);
    }

    @Test
    void aRequestAboutNoOrderIsLoggedWithoutOrderKeys() throws StripeException {
        stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().setClientReferenceId(ORDER).build());
        Session anonymous = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build());
        Session notAnOrder = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession()
                        .setClientReferenceId("cart-42")
                        .putMetadata("order_id", "too-short")
                        .build());
        stripe.v1().checkout().sessions().retrieve(anonymous.getId());

        for (String id : List.of(anonymous.getId(), notAnOrder.getId())) {
            ILoggingEvent createdLine = line(API_LOGGER, "POST /v1/checkout/sessions 200 ", id);
            assertThat(createdLine.getMDCPropertyMap()).doesNotContainKeys("OrderId", "WorkflowId");
        }
        assertThat(line(API_LOGGER, "GET /v1/checkout/sessions/" + anonymous.getId() + " 200 ")
                        .getMDCPropertyMap())
                .doesNotContainKeys("OrderId", "WorkflowId");
    }

    @Test
    void operatorActionsAreTaggedWithTheirOrder() throws StripeException {
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().setClientReferenceId(ORDER).build());
        Session abandoned = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession()
                        .setClientReferenceId(OTHER_ORDER)
                        .build());
        browser.post("/c/pay/" + session.getId() + "/pay");
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        String completed = emulator.events().get(0).id();

        assertThat(browser.post("/_emulator/api/sessions/" + session.getId() + "/refund")
                        .statusCode())
                .isEqualTo(200);
        assertThat(browser.post("/_emulator/api/sessions/" + abandoned.getId() + "/expire")
                        .statusCode())
                .isEqualTo(200);
        assertThat(browser.post("/_emulator/api/events/" + completed + "/redeliver")
                        .statusCode())
                .isEqualTo(202);
        assertThat(browser.post("/_emulator/api/sessions/" + session.getId() + "/refund")
                        .statusCode())
                .isEqualTo(409);
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();

        String operator = "com.orderengine.stripeemulator.operator.OperatorHandler";
        assertTaggedWith(line(operator, "Operator refund " + session.getId() + ": re_"), ORDER);
        assertTaggedWith(line(operator, "Operator expire " + abandoned.getId() + ": expired"), OTHER_ORDER);
        assertTaggedWith(line(operator, "Operator redeliver " + completed + ": checkout.session.completed"), ORDER);
        assertTaggedWith(line(operator, "Operator refund " + session.getId() + " refused: "), ORDER);
        assertTaggedWith(
                line(
                        "com.orderengine.stripeemulator.webhook.WebhookDeliveries",
                        "Delivered " + completed,
                        "(attempt 2, redelivery)"),
                ORDER);
    }

    @Test
    void aFailedDeliveryIsAWarningTaggedWithItsOrder() throws StripeException {
        receiver.failNext(1);
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().setClientReferenceId(ORDER).build());

        emulator.completeCheckoutSession(session.getId());

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        ILoggingEvent failed = line("com.orderengine.stripeemulator.webhook.WebhookDeliveries", "Could not deliver ");
        assertThat(failed.getLevel()).isEqualTo(Level.WARN);
        assertThat(failed.getFormattedMessage())
                .contains(" : 500 in ")
                .containsPattern("\\(attempt 1\\), retrying in \\d+ ms$");
        long retryMillis = Long.parseLong(failed.getFormattedMessage().replaceAll(".* retrying in (\\d+) ms$", "$1"));
        assertThat(retryMillis).as("50 ms, jittered by up to a quarter").isBetween(37L, 63L);
        assertTaggedWith(failed, ORDER);
        assertTaggedWith(
                line("com.orderengine.stripeemulator.webhook.WebhookDeliveries", "Delivered ", "(attempt 2)"), ORDER);
    }

    @Test
    void theCallingThreadKeepsItsOwnLogContext() throws StripeException {
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().setClientReferenceId(ORDER).build());
        Session anonymous = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build());
        MDC.put("OrderId", OTHER_ORDER);
        MDC.put("WorkflowId", "order-" + OTHER_ORDER);
        MDC.put("RequestId", "req-1");

        // The Java API runs on the caller's thread: tagged with the session's order while it acts...
        CheckoutSessionView paid = emulator.completeCheckoutSession(session.getId());
        emulator.refundPayment(paid.paymentIntent());
        emulator.expireCheckoutSession(anonymous.getId());

        assertTaggedWith(
                line("com.orderengine.stripeemulator.StripeEmulator", "Java API pay " + session.getId()), ORDER);
        assertTaggedWith(
                line(
                        "com.orderengine.stripeemulator.StripeEmulator",
                        "Java API refund " + paid.paymentIntent() + ": re_"),
                ORDER);
        // ...a session of no order leaves the caller's tags as they are...
        assertTaggedWith(
                line("com.orderengine.stripeemulator.StripeEmulator", "Java API expire " + anonymous.getId()),
                OTHER_ORDER);
        // ...and what the caller had is back afterwards.
        assertThat(MDC.getCopyOfContextMap())
                .isEqualTo(Map.of("OrderId", OTHER_ORDER, "WorkflowId", "order-" + OTHER_ORDER, "RequestId", "req-1"));

        MDC.clear();
        emulator.refundsForPaymentIntent(paid.paymentIntent());
        assertThatThrownBy(() -> emulator.refundPayment(paid.paymentIntent()))
                .isInstanceOf(IllegalStateException.class);
        assertTaggedWith(
                line(
                        "com.orderengine.stripeemulator.StripeEmulator",
                        "Java API refund " + paid.paymentIntent() + " refused: "),
                ORDER);
        assertThat(MDC.get("OrderId")).isNull();
        assertThat(MDC.get("WorkflowId")).isNull();
    }

    /** The one line on {@code logger} containing all of {@code parts}. */
    private ILoggingEvent line(String logger, String... parts) {
        Predicate<ILoggingEvent> wanted = event -> event.getLoggerName().equals(logger)
                && List.of(parts).stream().allMatch(event.getFormattedMessage()::contains);
        List<ILoggingEvent> matching;
        synchronized (appender) {
            matching = appender.list.stream().filter(wanted).toList();
        }
        assertThat(matching)
                .as("lines on %s containing %s among %s", logger, List.of(parts), lines())
                .hasSize(1);
        return matching.get(0);
    }

    private List<String> lines() {
        synchronized (appender) {
            return appender.list.stream()
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage() + " " + e.getMDCPropertyMap())
                    .toList();
        }
    }

    private static void assertTaggedWith(ILoggingEvent event, String orderId) {
        assertThat(event.getMDCPropertyMap())
                .as(event.getFormattedMessage())
                .containsEntry("OrderId", orderId)
                .containsEntry("WorkflowId", "order-" + orderId);
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
