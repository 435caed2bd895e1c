package com.orderengine.stripeemulator;

import static com.orderengine.stripeemulator.TestStripe.minimalSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderengine.stripeemulator.fault.StripeOperation;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private StripeEmulator emulator;
    private StripeClient stripe;

    @BeforeEach
    void start() {
        emulator = StripeEmulator.start(StripeEmulatorOptions.defaults());
        stripe = TestStripe.client(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void failsTheNextRequestsBeforeExecuting() throws StripeException {
        emulator.faults().failNext(StripeOperation.CREATE_CHECKOUT_SESSION, 2, 500);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> stripe.v1()
                            .checkout()
                            .sessions()
                            .create(minimalSession().build()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(500);
                        assertThat(e.getStripeError().getType()).isEqualTo("api_error");
                    });
        }
        Session session =
                stripe.v1().checkout().sessions().create(minimalSession().build());

        assertThat(emulator.checkoutSessions())
                .extracting(CheckoutSessionView::id)
                .containsExactly(session.getId());
        assertThat(emulator.checkoutSessionsCreated()).isEqualTo(1);
        assertThat(emulator.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION))
                .isEqualTo(3);
    }

    @Test
    void answersRateLimitsAsStripeDoes() {
        emulator.faults().failNext(StripeOperation.CREATE_CHECKOUT_SESSION, 1, 429);

        assertThatThrownBy(() -> stripe.v1()
                        .checkout()
                        .sessions()
                        .create(minimalSession().build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getStripeError().getType()).isEqualTo("rate_limit_error");
                });
        assertThat(emulator.checkoutSessionsCreated()).isZero();
    }

    @Test
    void faultsOnlyTheChosenOperation() throws StripeException {
        Session session =
                stripe.v1().checkout().sessions().create(minimalSession().build());
        emulator.faults().failNext(StripeOperation.EXPIRE_CHECKOUT_SESSION, 1, 503);

        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus())
                .isEqualTo("open");
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire(session.getId()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
        assertThat(emulator.checkoutSession(session.getId()).orElseThrow().status())
                .isEqualTo("open");
        assertThat(stripe.v1().checkout().sessions().expire(session.getId()).getStatus())
                .isEqualTo("expired");
    }

    @Test
    void aDelayLongerThanTheClientsReadTimeoutIsAConnectionError() {
        StripeClient impatient =
                TestStripe.clientBuilder(emulator).setReadTimeout(200).build();
        emulator.faults().delayNext(StripeOperation.CREATE_CHECKOUT_SESSION, 1, Duration.ofMillis(700));

        assertThatThrownBy(() -> impatient
                        .v1()
                        .checkout()
                        .sessions()
                        .create(minimalSession().build()))
                .isInstanceOf(ApiConnectionException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(emulator.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION))
                .isEqualTo(1);
    }

    @Test
    void aDelayedRequestStillExecutes() throws StripeException {
        emulator.faults().delayNext(StripeOperation.RETRIEVE_CHECKOUT_SESSION, 1, Duration.ofMillis(150));
        Session session =
                stripe.v1().checkout().sessions().create(minimalSession().build());

        long started = System.nanoTime();
        Session retrieved = stripe.v1().checkout().sessions().retrieve(session.getId());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(retrieved.getId()).isEqualTo(session.getId());
    }

    @Test
    void aResponseHeldAfterExecutingComesLateButTheSessionExistsAtOnce() throws Exception {
        emulator.faults().delayNextAfterExecuting(StripeOperation.CREATE_CHECKOUT_SESSION, Duration.ofMillis(800));
        long started = System.nanoTime();

        CompletableFuture<Session> create = CompletableFuture.supplyAsync(() -> {
            try {
                return stripe.v1().checkout().sessions().create(minimalSession().build());
            } catch (StripeException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (emulator.checkoutSessions().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(emulator.checkoutSessions()).hasSize(1);
        assertThat(create).isNotDone();
        Session session = create.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        assertThat(session.getId()).isEqualTo(emulator.checkoutSessions().get(0).id());
        assertThat(emulator.checkoutSessionsCreated()).isEqualTo(1);
        // Only the next request was held.
        long again = System.nanoTime();
        stripe.v1().checkout().sessions().create(minimalSession().build());
        assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofMillis(800));
    }

    @Test
    void aHeldResponseLostToTheReadTimeoutIsReplayedToTheRetry() throws StripeException {
        StripeClient impatient =
                TestStripe.clientBuilder(emulator).setReadTimeout(200).build();
        emulator.faults().delayNextAfterExecuting(StripeOperation.CREATE_CHECKOUT_SESSION, 1, Duration.ofSeconds(2));
        RequestOptions key =
                RequestOptions.builder().setIdempotencyKey("held-1").build();

        assertThatThrownBy(() -> impatient
                        .v1()
                        .checkout()
                        .sessions()
                        .create(minimalSession().build(), key))
                .isInstanceOf(ApiConnectionException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        Session retried =
                stripe.v1().checkout().sessions().create(minimalSession().build(), key);

        assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
        assertThat(emulator.checkoutSessions())
                .extracting(CheckoutSessionView::id)
                .containsExactly(retried.getId());
    }

    @Test
    void aRequestFailedBeforeExecutingIsNotHeld() throws StripeException {
        // Far longer than a cold client's first request, so "not held" cannot be mistaken for "held".
        Duration hold = Duration.ofMillis(1200);
        emulator.faults()
                .failNext(StripeOperation.CREATE_CHECKOUT_SESSION, 1, 503)
                .delayNextAfterExecuting(StripeOperation.CREATE_CHECKOUT_SESSION, hold);

        long started = System.nanoTime();
        assertThatThrownBy(() -> stripe.v1()
                        .checkout()
                        .sessions()
                        .create(minimalSession().build()))
                .isInstanceOf(ApiException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(hold);

        long second = System.nanoTime();
        stripe.v1().checkout().sessions().create(minimalSession().build());
        assertThat(Duration.ofNanos(System.nanoTime() - second)).isGreaterThanOrEqualTo(hold);
    }

    @Test
    void clearDisarmsEverything() throws StripeException {
        emulator.faults()
                .failNext(StripeOperation.CREATE_CHECKOUT_SESSION, 3, 500)
                .delayNextAfterExecuting(StripeOperation.CREATE_CHECKOUT_SESSION, 1, Duration.ofSeconds(30));
        emulator.faults().clear();

        assertThat(stripe.v1()
                        .checkout()
                        .sessions()
                        .create(minimalSession().build())
                        .getStatus())
                .isEqualTo("open");
    }

    @Test
    void rejectsNonsenseFaults() {
        assertThatThrownBy(() -> emulator.faults().failNext(StripeOperation.CREATE_CHECKOUT_SESSION, 0, 500))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().failNext(StripeOperation.CREATE_CHECKOUT_SESSION, 1, 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        emulator.faults().delayNextAfterExecuting(StripeOperation.CREATE_REFUND, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults()
                        .delayNextAfterExecuting(StripeOperation.CREATE_REFUND, 0, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
