package com.orderengine.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An emulator restarted on the same data directory carries on where the last one stopped. */
class PersistenceTest {

    private static final Duration SETTLE = Duration.ofSeconds(5);

    @TempDir
    Path dataDirectory;

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
    void sessionsAndEventsSurviveARestartAndAnOpenSessionCanStillBePaid() throws Exception {
        emulator = start();
        StripeClient stripe = TestStripe.client(emulator);
        Session paid = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession()
                        .setClientReferenceId("order-1")
                        .build());
        Session pending = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession()
                        .setClientReferenceId("order-2")
                        .putMetadata("order_id", "2")
                        .build());
        emulator.completeCheckoutSession(paid.getId());
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        String firstEventId = emulator.events().get(0).id();
        emulator.close();

        emulator = start();
        stripe = TestStripe.client(emulator);

        assertThat(emulator.checkoutSessions())
                .extracting(CheckoutSessionView::id)
                .containsExactly(paid.getId(), pending.getId());
        assertThat(emulator.checkoutSessionsCreated()).isZero();
        assertThat(stripe.v1().checkout().sessions().retrieve(paid.getId()).getPaymentStatus())
                .isEqualTo("paid");
        Session reloaded = stripe.v1().checkout().sessions().retrieve(pending.getId());
        assertThat(reloaded.getStatus()).isEqualTo("open");
        assertThat(reloaded.getMetadata()).containsEntry("order_id", "2");
        // The hosted page moved with the emulator.
        assertThat(reloaded.getUrl()).isEqualTo(emulator.baseUrl() + "/c/pay/" + pending.getId());
        assertThat(emulator.events()).extracting(EventView::id).containsExactly(firstEventId);
        assertThat(stripe.v1().events().retrieve(firstEventId).getType()).isEqualTo("checkout.session.completed");
        assertThat(emulator.deliveryAttempts()).hasSize(1);

        HttpResponse<String> pay =
                new Browser(emulator.baseUrl()).post("/c/pay/" + pending.getId() + "/pay", "email=ada%40example.com");

        assertThat(pay.statusCode()).isEqualTo(303);
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(stripe.v1().events().list().getData())
                .extracting(Event::getType)
                .containsExactly("checkout.session.completed", "checkout.session.completed");
        assertThat(receiver.accepted()).hasSize(2);
    }

    @Test
    void anIdempotencyKeyStillReplaysAfterARestart() throws Exception {
        emulator = start();
        RequestOptions key =
                RequestOptions.builder().setIdempotencyKey("order-7-attempt-1").build();
        Session first = TestStripe.client(emulator)
                .v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build(), key);
        emulator.close();

        emulator = start();
        Session replayed = TestStripe.client(emulator)
                .v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build(), key);

        assertThat(replayed.getId()).isEqualTo(first.getId());
        assertThat(emulator.checkoutSessionsCreated()).isZero();
    }

    @Test
    void aDeliveryStillRetryingAtShutdownIsResumedAfterTheRestart() throws Exception {
        receiver.failNext(1);
        emulator = StripeEmulator.start(options().withDeliveryBackoff(Duration.ofMinutes(5)));
        emulator.completeCheckoutSession(TestStripe.client(emulator)
                .v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build())
                .getId());
        waitForAttempts(1);
        assertThat(emulator.awaitDeliveries(Duration.ofMillis(100))).isFalse();
        emulator.close();

        emulator = start();

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(emulator.deliveryAttempts())
                .extracting(DeliveryAttemptView::httpStatus)
                .containsExactly(500, 200);
        assertThat(emulator.deliveryAttempts())
                .extracting(DeliveryAttemptView::attempt)
                .containsExactly(1, 2);
        assertThat(receiver.accepted()).hasSize(1);
    }

    @Test
    void theStateFileIsPlainJson() throws Exception {
        emulator = start();
        emulator.completeCheckoutSession(TestStripe.client(emulator)
                .v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build())
                .getId());
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        emulator.close();

        JsonNode state = new ObjectMapper()
                .readTree(dataDirectory.resolve("stripe-emulator-state.json").toFile());

        assertThat(state.get("format").asInt()).isEqualTo(1);
        assertThat(state.get("sessions").get(0).get("status").asText()).isEqualTo("COMPLETE");
        assertThat(state.get("events").get(0).get("type").asText()).isEqualTo("checkout.session.completed");
        assertThat(state.get("deliveryAttempts").get(0).get("httpStatus").asInt())
                .isEqualTo(200);
        assertThat(state.get("pendingDeliveries")).isEmpty();
        try (var files = Files.list(dataDirectory)) {
            assertThat(files)
                    .extracting(path -> path.getFileName().toString())
                    .containsExactly("stripe-emulator-state.json");
        }
    }

    @Test
    void anUnreadableStateFileStopsTheStartInsteadOfBeingOverwritten() throws Exception {
        Files.writeString(dataDirectory.resolve("stripe-emulator-state.json"), "{ not json");

        assertThatThrownBy(this::start)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("stripe-emulator-state.json");
        assertThat(Files.readString(dataDirectory.resolve("stripe-emulator-state.json")))
                .isEqualTo("{ not json");
    }

    private StripeEmulator start() {
        return StripeEmulator.start(options());
    }

    private StripeEmulatorOptions options() {
        return StripeEmulatorOptions.defaults()
                .withDataDirectory(dataDirectory)
                .withWebhookUrl(receiver.url())
                .withDeliveryBackoff(Duration.ofMillis(50));
    }

    private void waitForAttempts(int count) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (emulator.deliveryAttempts().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(emulator.deliveryAttempts()).hasSize(count);
    }
}
