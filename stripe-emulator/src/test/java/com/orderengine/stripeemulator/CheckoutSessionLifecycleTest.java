package com.orderengine.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderengine.stripeemulator.fault.StripeOperation;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckoutSessionLifecycleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-15T10:00:00Z"));
    private StripeEmulator emulator;
    private StripeClient stripe;

    @BeforeEach
    void start() {
        emulator = StripeEmulator.start(StripeEmulatorOptions.defaults().withClock(clock));
        stripe = TestStripe.client(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void expiresAnOpenSessionOnceOnly() throws StripeException {
        Session session = create();

        Session expired = stripe.v1().checkout().sessions().expire(session.getId());

        assertThat(expired.getStatus()).isEqualTo("expired");
        assertThat(expired.getUrl()).isNull();
        assertThat(emulator.checkoutSession(session.getId()).orElseThrow().status())
                .isEqualTo("expired");
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire(session.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getStripeError().getMessage())
                            .isEqualTo("Only Checkout Sessions with a status in "
                                    + "[\"open\"] can be expired. This Checkout Session has a status of `expired`.");
                });
        assertThat(emulator.requestCount(StripeOperation.EXPIRE_CHECKOUT_SESSION))
                .isEqualTo(2);
    }

    @Test
    void unknownSessionIsResourceMissing() {
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().retrieve("cs_test_nope"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getStripeError().getMessage()).isEqualTo("No such checkout.session: 'cs_test_nope'");
                });
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire("cs_test_nope"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void anOpenSessionReadsAsExpiredOnceItsTimeHasPassed() throws StripeException {
        Session session = create();

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus())
                .isEqualTo("open");

        clock.advance(Duration.ofSeconds(1));
        Session later = stripe.v1().checkout().sessions().retrieve(session.getId());
        assertThat(later.getStatus()).isEqualTo("expired");
        assertThat(later.getUrl()).isNull();
        assertThat(emulator.checkoutSessions())
                .extracting(CheckoutSessionView::status)
                .containsExactly("expired");
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire(session.getId()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("has a status of `expired`");
        assertThatThrownBy(() -> emulator.completeCheckoutSession(session.getId()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void completingMarksTheSessionPaidWithAPaymentIntent() throws StripeException {
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession()
                        .setCustomerEmail("ada@example.com")
                        .build());

        CheckoutSessionView completed = emulator.completeCheckoutSession(session.getId());

        assertThat(completed.status()).isEqualTo("complete");
        assertThat(completed.paymentStatus()).isEqualTo("paid");
        assertThat(completed.paymentIntent()).startsWith("pi_");
        Session retrieved = stripe.v1().checkout().sessions().retrieve(session.getId());
        assertThat(retrieved.getStatus()).isEqualTo("complete");
        assertThat(retrieved.getPaymentStatus()).isEqualTo("paid");
        assertThat(retrieved.getPaymentIntent()).isEqualTo(completed.paymentIntent());
        assertThat(retrieved.getCustomerDetails().getEmail()).isEqualTo("ada@example.com");
        assertThat(retrieved.getUrl()).isNull();

        assertThatThrownBy(() -> emulator.completeCheckoutSession(session.getId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("`complete`");
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire(session.getId()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("has a status of `complete`");
    }

    @Test
    void completingAnUnknownSessionIsAnIllegalArgument() {
        assertThatThrownBy(() -> emulator.completeCheckoutSession("cs_test_nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cs_test_nope");
    }

    private Session create() throws StripeException {
        return stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build());
    }
}
