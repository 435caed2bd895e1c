package com.orderengine.stripeemulator;

import static com.orderengine.stripeemulator.TestStripe.minimalSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderengine.stripeemulator.fault.StripeOperation;
import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

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
    void replaysTheFirstResultForTheSameKey() throws StripeException {
        SessionCreateParams params =
                minimalSession().putMetadata("order_id", "o-1").build();

        Session first = stripe.v1().checkout().sessions().create(params, key("order-o-1"));
        Session second = stripe.v1().checkout().sessions().create(params, key("order-o-1"));

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getRawJsonObject()).isEqualTo(first.getRawJsonObject());
        assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .isEmpty();
        assertThat(second.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
        assertThat(emulator.checkoutSessionsCreated()).isEqualTo(1);
        assertThat(emulator.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION))
                .isEqualTo(2);
    }

    @Test
    void rejectsTheSameKeyWithOtherParameters() throws StripeException {
        stripe.v1().checkout().sessions().create(minimalSession().build(), key("k-1"));

        assertThatThrownBy(() -> stripe.v1()
                        .checkout()
                        .sessions()
                        .create(minimalSession().setClientReferenceId("other").build(), key("k-1")))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
                    assertThat(e.getStripeError().getMessage()).contains("'k-1'");
                });
        assertThat(emulator.checkoutSessionsCreated()).isEqualTo(1);
    }

    @Test
    void rejectsTheSameKeyOnAnotherEndpoint() throws StripeException {
        Session session =
                stripe.v1().checkout().sessions().create(minimalSession().build(), key("k-2"));

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire(session.getId(), key("k-2")))
                .isInstanceOf(IdempotencyException.class);
        assertThat(emulator.checkoutSession(session.getId()).orElseThrow().status())
                .isEqualTo("open");
    }

    @Test
    void storesNothingForARequestThatFailedValidation() throws StripeException {
        assertThatThrownBy(() -> stripe.v1()
                        .checkout()
                        .sessions()
                        .create(minimalSession().setCustomerEmail("nope").build(), key("k-3")))
                .isInstanceOf(InvalidRequestException.class);

        Session session =
                stripe.v1().checkout().sessions().create(minimalSession().build(), key("k-3"));

        assertThat(session.getStatus()).isEqualTo("open");
        assertThat(emulator.checkoutSessionsCreated()).isEqualTo(1);
    }

    @Test
    void aLostResponseIsReplayedOnRetryWithTheSameKey() throws StripeException {
        emulator.faults().failNextAfterExecuting(StripeOperation.CREATE_CHECKOUT_SESSION, 1, 502);
        SessionCreateParams params = minimalSession().build();

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(params, key("k-4")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(502));
        assertThat(emulator.checkoutSessionsCreated()).isEqualTo(1);
        String createdId = emulator.checkoutSessions().get(0).id();

        Session retried = stripe.v1().checkout().sessions().create(params, key("k-4"));

        assertThat(retried.getId()).isEqualTo(createdId);
        assertThat(emulator.checkoutSessionsCreated()).isEqualTo(1);
    }

    @Test
    void stripeJavaRetriesWithItsOwnKeyAndGetsTheReplay() throws StripeException {
        // stripe-java generates an Idempotency-Key per POST and keeps it across its automatic retries.
        StripeClient retrying =
                TestStripe.clientBuilder(emulator).setMaxNetworkRetries(1).build();
        emulator.faults().failNextAfterExecuting(StripeOperation.CREATE_CHECKOUT_SESSION, 1, 500);

        Session session =
                retrying.v1().checkout().sessions().create(minimalSession().build());

        assertThat(session.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
        assertThat(emulator.checkoutSessions())
                .extracting(CheckoutSessionView::id)
                .containsExactly(session.getId());
        assertThat(emulator.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION))
                .isEqualTo(2);
    }

    @Test
    void concurrentRequestsWithOneKeyExecuteOnce() throws Exception {
        SessionCreateParams params = minimalSession().build();
        int clients = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<String> call = () -> {
                    go.await();
                    return stripe.v1()
                            .checkout()
                            .sessions()
                            .create(params, key("shared"))
                            .getId();
                };
                ids.add(pool.submit(call));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> id : ids) {
                results.add(id.get(10, TimeUnit.SECONDS));
            }

            assertThat(results).hasSize(clients).containsOnly(results.get(0));
            assertThat(emulator.checkoutSessionsCreated()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
