package com.orderengine.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions expire in the background, on read and on request, each announced by exactly one event. */
class ExpiryTest {

    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-15T10:00:00Z"));
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private StripeEmulator emulator;
    private StripeClient stripe;

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void theSweeperExpiresOverdueSessionsAndSendsOneExpiredEvent() throws Exception {
        start(Duration.ofMillis(50));
        Session overdue = create();
        Session fresh = create();
        emulator.completeCheckoutSession(fresh.getId());

        clock.advance(Duration.ofHours(25));

        assertThat(waitForEvents(2)).isTrue();
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        Thread.sleep(200); // several more sweeps, which must find nothing left to do
        assertThat(emulator.events())
                .extracting(EventView::type)
                .containsExactly("checkout.session.completed", "checkout.session.expired");
        assertThat(emulator.events().get(1).objectId()).isEqualTo(overdue.getId());
        // The two events are delivered concurrently: either may arrive first.
        assertThat(receiver.deliveries()).hasSize(2);
        Event event = null;
        for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
            Event delivered = Webhook.constructEvent(
                    delivery.payload(), delivery.signature(), StripeEmulatorOptions.DEFAULT_WEBHOOK_SECRET);
            if ("checkout.session.expired".equals(delivered.getType())) {
                event = delivered;
            }
        }
        assertThat(event).as("the expired event was delivered, signed").isNotNull();
        assertThat(((Session) event.getDataObjectDeserializer().getObject().orElseThrow()).getStatus())
                .isEqualTo("expired");
        assertThat(stripe.v1().checkout().sessions().retrieve(overdue.getId()).getStatus())
                .isEqualTo("expired");
        assertThat(emulator.events()).hasSize(2);
    }

    @Test
    void expiryNoticedOnReadSendsTheEventExactlyOnce() throws Exception {
        start(Duration.ofHours(1));
        Session session = create();
        clock.advance(Duration.ofHours(24));

        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus())
                .isEqualTo("expired");
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus())
                .isEqualTo("expired");
        assertThat(emulator.checkoutSessions())
                .extracting(CheckoutSessionView::status)
                .containsExactly("expired");
        assertThat(new Browser(emulator.baseUrl())
                        .get("/c/pay/" + session.getId())
                        .body())
                .contains("expired");

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(emulator.events()).extracting(EventView::type).containsExactly("checkout.session.expired");
        assertThat(receiver.accepted()).hasSize(1);
    }

    @Test
    void expiringThroughTheApiSendsTheExpiredEvent() throws Exception {
        start(Duration.ofHours(1));
        Session session = create();

        stripe.v1().checkout().sessions().expire(session.getId());

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(emulator.events()).extracting(EventView::type).containsExactly("checkout.session.expired");
        assertThat(receiver.accepted()).hasSize(1);
    }

    private void start(Duration sweepInterval) {
        emulator = StripeEmulator.start(StripeEmulatorOptions.defaults()
                .withClock(clock)
                .withWebhookUrl(receiver.url())
                .withExpirySweepInterval(sweepInterval));
        stripe = TestStripe.client(emulator);
    }

    private Session create() throws StripeException {
        return stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build());
    }

    private boolean waitForEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (emulator.events().size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
