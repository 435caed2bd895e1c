package com.orderengine.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.stripeemulator.webhook.RetryPolicy;
import com.orderengine.stripeemulator.webhook.WebhookDeliveries;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries, give-up, redelivery and the events API, against a receiver that can be told to fail. */
class WebhookDeliveryTest {

    private static final Duration BACKOFF = Duration.ofMillis(50);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private StripeEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
        receiver.close();
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoffUntilItAccepts() throws Exception {
        start(StripeEmulatorOptions.defaults().withWebhookUrl(receiver.url()).withDeliveryBackoff(BACKOFF));
        receiver.failNext(3);
        String sessionId = createSession();

        emulator.completeCheckoutSession(sessionId);

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        List<DeliveryAttemptView> attempts = emulator.deliveryAttempts();
        assertThat(attempts).extracting(DeliveryAttemptView::attempt).containsExactly(1, 2, 3, 4);
        assertThat(attempts).extracting(DeliveryAttemptView::httpStatus).containsExactly(500, 500, 500, 200);
        assertThat(attempts)
                .extracting(DeliveryAttemptView::eventId)
                .containsOnly(emulator.events().get(0).id());
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.url()).isEqualTo(receiver.url());
            assertThat(attempt.error()).isNull();
            assertThat(attempt.redelivery()).isFalse();
        });
        // Back-off doubles: 50, 100, 200 ms between the four attempts, each shortened by at most the jitter.
        for (int retry = 1; retry <= 3; retry++) {
            long nominal = BACKOFF.toMillis() << (retry - 1);
            assertThat(Duration.between(
                            attempts.get(retry - 1).attemptedAt(),
                            attempts.get(retry).attemptedAt()))
                    .as("wait before attempt %d", retry + 1)
                    .isGreaterThanOrEqualTo(Duration.ofMillis((long) Math.floor(nominal * (1 - RetryPolicy.JITTER))));
        }
        assertThat(receiver.deliveries()).hasSize(4);
        assertThat(receiver.accepted()).hasSize(1);
        assertThat(receiver.deliveries())
                .extracting(WebhookReceiver.Delivery::payload)
                .containsOnly(emulator.events().get(0).payload());
    }

    @Test
    void givesUpAfterTheMaximumNumberOfAttempts() throws Exception {
        start(StripeEmulatorOptions.defaults()
                .withWebhookUrl(receiver.url())
                .withDeliveryBackoff(BACKOFF)
                .withDeliveryMaxAttempts(3));
        receiver.failNext(Integer.MAX_VALUE);

        emulator.completeCheckoutSession(createSession());

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(emulator.deliveryAttempts())
                .extracting(DeliveryAttemptView::httpStatus)
                .containsExactly(500, 500, 500);
        Thread.sleep(BACKOFF.multipliedBy(6).toMillis());
        assertThat(receiver.deliveries()).hasSize(3);
    }

    @Test
    void anUnreachableEndpointIsRecordedAsAnErrorWithoutStatus() throws Exception {
        start(StripeEmulatorOptions.defaults()
                .withWebhookUrl("http://127.0.0.1:" + freePort() + "/hook")
                .withDeliveryBackoff(BACKOFF)
                .withDeliveryMaxAttempts(2));

        emulator.completeCheckoutSession(createSession());

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(emulator.deliveryAttempts()).hasSize(2).allSatisfy(attempt -> {
            assertThat(attempt.httpStatus()).isNull();
            assertThat(attempt.error()).contains("ConnectException");
            assertThat(attempt.succeeded()).isFalse();
        });
    }

    @Test
    void redeliveringSendsTheSameEventAgainWithAFreshSignature() throws Exception {
        String secret = "whsec_redelivery";
        start(StripeEmulatorOptions.defaults().withWebhookUrl(receiver.url()).withWebhookSecret(secret));
        emulator.completeCheckoutSession(createSession());
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        String eventId = emulator.events().get(0).id();

        emulator.redeliver(eventId);
        emulator.redeliver(eventId);

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(receiver.accepted()).hasSize(3);
        for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
            assertThat(Webhook.constructEvent(delivery.payload(), delivery.signature(), secret)
                            .getId())
                    .isEqualTo(eventId);
        }
        assertThat(emulator.deliveryAttempts())
                .extracting(DeliveryAttemptView::attempt)
                .containsExactly(1, 2, 3);
        assertThat(emulator.deliveryAttempts())
                .extracting(DeliveryAttemptView::redelivery)
                .containsExactly(false, true, true);
        assertThat(emulator.events()).hasSize(1);
        assertThatThrownBy(() -> emulator.redeliver("evt_nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAWebhookUrlEventsAreRecordedButNotSent() throws Exception {
        start(StripeEmulatorOptions.defaults());
        String sessionId = createSession();

        emulator.completeCheckoutSession(sessionId);

        assertThat(emulator.awaitDeliveries(Duration.ZERO)).isTrue();
        EventView event = emulator.events().get(0);
        assertThat(event.type()).isEqualTo("checkout.session.completed");
        assertThat(new ObjectMapper()
                        .readTree(event.payload())
                        .get("pending_webhooks")
                        .asInt())
                .isZero();
        assertThat(emulator.deliveryAttempts()).isEmpty();
        assertThatThrownBy(() -> emulator.redeliver(emulator.events().get(0).id()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventsCanBeRetrievedAndListedNewestFirstThroughTheApi() throws Exception {
        start(StripeEmulatorOptions.defaults().withApiVersion(Stripe.API_VERSION));
        String first = createSession();
        String second = createSession();
        emulator.payLater(first);
        emulator.settleAsyncPayment(first);
        emulator.expireCheckoutSession(second);
        StripeClient stripe = TestStripe.client(emulator);

        StripeCollection<Event> all = stripe.v1().events().list();
        StripeCollection<Event> page =
                stripe.v1().events().list(EventListParams.builder().setLimit(2L).build());
        StripeCollection<Event> expired = stripe.v1()
                .events()
                .list(EventListParams.builder().setType("checkout.session.exp*").build());

        assertThat(all.getData())
                .extracting(Event::getType)
                .containsExactly(
                        "checkout.session.expired",
                        "checkout.session.async_payment_succeeded",
                        "checkout.session.completed");
        assertThat(all.getHasMore()).isFalse();
        assertThat(page.getData()).hasSize(2);
        assertThat(page.getHasMore()).isTrue();
        assertThat(expired.getData()).singleElement().satisfies(event -> {
            assertThat(event.getDataObjectDeserializer().getObject()).isPresent();
            assertThat(event.getApiVersion()).isEqualTo(Stripe.API_VERSION);
        });
        Event retrieved = stripe.v1().events().retrieve(all.getData().get(2).getId());
        assertThat(retrieved.getType()).isEqualTo("checkout.session.completed");
        assertThat(retrieved.getDataObjectDeserializer().getObject()).isPresent();
        assertThatThrownBy(() -> stripe.v1().events().retrieve("evt_nope"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("No such event: 'evt_nope'");
    }

    @Test
    void aBacklogGoesOutOverABoundedNumberOfOpenRequests() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        slow.setExecutor(Executors.newFixedThreadPool(100));
        slow.createContext("/hook", exchange -> {
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open.decrementAndGet();
            received.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slow.start();
        try {
            start(StripeEmulatorOptions.defaults()
                    .withWebhookUrl("http://127.0.0.1:" + slow.getAddress().getPort() + "/hook"));
            for (int i = 0; i < 80; i++) {
                emulator.completeCheckoutSession(createSession());
            }

            assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
            assertThat(received.get()).isEqualTo(emulator.events().size()).isGreaterThanOrEqualTo(80);
            assertThat(mostOpen.get()).as("requests open at once").isBetween(2, WebhookDeliveries.MAX_IN_FLIGHT);
        } finally {
            slow.stop(0);
        }
    }

    private void start(StripeEmulatorOptions options) {
        emulator = StripeEmulator.start(options);
    }

    private String createSession() throws StripeException {
        return TestStripe.client(emulator)
                .v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build())
                .getId();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
