package com.orderengine.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderengine.stripeemulator.fault.StripeOperation;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /v1/refunds} through stripe-java, the charge behind a paid session, and what refunds announce. */
class RefundTest {

    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDirectory;

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private StripeEmulator emulator;
    private StripeClient stripe;

    @BeforeEach
    void start() {
        restart(options());
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void refundsAPaymentInFull() throws StripeException {
        CheckoutSessionView paid = paidSession();

        Refund refund = stripe.v1()
                .refunds()
                .create(
                        RefundCreateParams.builder()
                                .setPaymentIntent(paid.paymentIntent())
                                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                                .putMetadata("return_id", "r-1")
                                .build(),
                        key("refund-1"));

        assertThat(refund.getId()).startsWith("re_");
        assertThat(refund.getObject()).isEqualTo("refund");
        assertThat(refund.getAmount()).isEqualTo(1999L);
        assertThat(refund.getCurrency()).isEqualTo("usd");
        assertThat(refund.getPaymentIntent()).isEqualTo(paid.paymentIntent());
        assertThat(refund.getCharge()).startsWith("ch_").isEqualTo(paid.chargeId());
        assertThat(refund.getStatus()).isEqualTo("succeeded");
        assertThat(refund.getReason()).isEqualTo("requested_by_customer");
        assertThat(refund.getMetadata()).containsExactly(Map.entry("return_id", "r-1"));
        assertThat(refund.getCreated()).isPositive();
        assertThat(stripe.v1().refunds().retrieve(refund.getId()).getRawJsonObject())
                .isEqualTo(refund.getRawJsonObject());
        assertThat(emulator.checkoutSession(paid.id()).orElseThrow().amountRefunded())
                .isEqualTo(1999);
        assertThat(emulator.refunds()).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(refund.getId());
            assertThat(view.charge()).isEqualTo(paid.chargeId());
            assertThat(view.reason()).isEqualTo("requested_by_customer");
            assertThat(view.status()).isEqualTo("succeeded");
        });
    }

    @Test
    void partialRefundsAccumulateUntilNothingIsLeft() throws StripeException {
        CheckoutSessionView paid = paidSession();

        Refund part = stripe.v1()
                .refunds()
                .create(byPaymentIntent(paid).setAmount(500L).build(), key("part"));
        assertThat(emulator.checkoutSession(paid.id()).orElseThrow().amountRefunded())
                .isEqualTo(500);
        Refund rest = stripe.v1().refunds().create(byPaymentIntent(paid).build(), key("rest"));

        assertThat(part.getAmount()).isEqualTo(500L);
        assertThat(part.getReason()).isNull();
        assertThat(rest.getAmount()).isEqualTo(1499L);
        assertThat(rest.getCharge()).isEqualTo(part.getCharge());
        assertThat(emulator.checkoutSession(paid.id()).orElseThrow().amountRefunded())
                .isEqualTo(1999);
        assertThatThrownBy(
                        () -> stripe.v1().refunds().create(byPaymentIntent(paid).build(), key("again")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("charge_already_refunded");
                    assertThat(e.getStripeError().getType()).isEqualTo("invalid_request_error");
                    assertThat(e.getStripeError().getMessage())
                            .isEqualTo("Charge " + paid.chargeId() + " has already been refunded.");
                });
        assertThat(emulator.refunds()).hasSize(2);
    }

    @Test
    void refusesToRefundMoreThanIsLeft() throws StripeException {
        CheckoutSessionView paid = paidSession();
        stripe.v1().refunds().create(byPaymentIntent(paid).setAmount(500L).build());

        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(byPaymentIntent(paid).setAmount(1500L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("amount_too_large");
                    assertThat(e.getStripeError().getParam()).isEqualTo("amount");
                    assertThat(e.getStripeError().getMessage()).contains("$15.00", "$14.99");
                });
        assertThat(emulator.refunds()).hasSize(1);
        assertThat(emulator.checkoutSession(paid.id()).orElseThrow().amountRefunded())
                .isEqualTo(500);
    }

    @Test
    void aDelayedPaymentHasNothingToRefundUntilItSettles() throws StripeException {
        String id = createSession();
        CheckoutSessionView processing = emulator.payLater(id);

        assertThat(processing.chargeId()).isNull();
        assertThatThrownBy(() ->
                        stripe.v1().refunds().create(byPaymentIntent(processing).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("charge_not_refundable");
                    assertThat(e.getStripeError().getMessage())
                            .isEqualTo("This PaymentIntent does not have a successful charge to refund.");
                });

        CheckoutSessionView settled = emulator.settleAsyncPayment(id);

        assertThat(settled.chargeId()).startsWith("ch_");
        assertThat(stripe.v1()
                        .refunds()
                        .create(byPaymentIntent(settled).build())
                        .getAmount())
                .isEqualTo(1999L);
    }

    @Test
    void aPaymentIntentIsChargedOnceAndAFailedDelayedPaymentNever() throws StripeException {
        CheckoutSessionView failed =
                emulator.failAsyncPayment(emulator.payLater(createSession()).id());
        CheckoutSessionView paid = paidSession();

        assertThat(failed.chargeId()).isNull();
        assertThatThrownBy(() ->
                        stripe.v1().refunds().create(byPaymentIntent(failed).build()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("charge_not_refundable"));
        // Reading the session again must not charge it again.
        assertThat(emulator.checkoutSession(paid.id()).orElseThrow().chargeId()).isEqualTo(paid.chargeId());
    }

    @Test
    void refundsByChargeToo() throws StripeException {
        CheckoutSessionView paid = paidSession();

        Refund refund = stripe.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setCharge(paid.chargeId())
                        .setAmount(99L)
                        .build());

        assertThat(refund.getCharge()).isEqualTo(paid.chargeId());
        assertThat(refund.getPaymentIntent()).isEqualTo(paid.paymentIntent());
        assertThat(emulator.refundsForPaymentIntent(paid.paymentIntent()))
                .extracting(RefundView::amount)
                .containsExactly(99L);
    }

    @Test
    void unknownPaymentsAreNotFound() {
        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent("pi_nope")
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getStripeError().getParam()).isEqualTo("payment_intent");
                    assertThat(e.getStripeError().getMessage()).isEqualTo("No such payment_intent: 'pi_nope'");
                });
        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setCharge("ch_nope")
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getStripeError().getParam()).isEqualTo("charge");
                });
        assertThatThrownBy(() -> stripe.v1().refunds().retrieve("re_nope"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getStripeError().getMessage()).isEqualTo("No such refund: 're_nope'");
                });
    }

    @Test
    void rejectsInvalidParametersWithoutRefunding() throws StripeException {
        CheckoutSessionView paid = paidSession();

        assertRejected(RefundCreateParams.builder().setAmount(100L).build(), "parameter_missing", null);
        assertRejected(byPaymentIntent(paid).setCharge(paid.chargeId()).build(), "parameters_exclusive", "charge");
        assertRejected(byPaymentIntent(paid).setAmount(0L).build(), "parameter_invalid_integer", "amount");
        assertRejected(
                byPaymentIntent(paid).putExtraParam("reason", "changed_my_mind").build(), null, "reason");
        assertRejected(byPaymentIntent(paid).setReverseTransfer(true).build(), "parameter_unknown", "reverse_transfer");
        assertThat(emulator.refunds()).isEmpty();
        assertThat(emulator.checkoutSession(paid.id()).orElseThrow().amountRefunded())
                .isZero();
    }

    @Test
    void listsRefundsNewestFirstAndFiltersThem() throws StripeException {
        CheckoutSessionView first = paidSession();
        CheckoutSessionView second = paidSession();
        Refund a = stripe.v1()
                .refunds()
                .create(byPaymentIntent(first).setAmount(100L).build());
        Refund b = stripe.v1()
                .refunds()
                .create(byPaymentIntent(second).setAmount(200L).build());
        Refund c = stripe.v1()
                .refunds()
                .create(byPaymentIntent(first).setAmount(300L).build());

        StripeCollection<Refund> all =
                stripe.v1().refunds().list(RefundListParams.builder().build());
        StripeCollection<Refund> ofFirst = stripe.v1()
                .refunds()
                .list(RefundListParams.builder()
                        .setPaymentIntent(first.paymentIntent())
                        .build());
        StripeCollection<Refund> ofSecondCharge = stripe.v1()
                .refunds()
                .list(RefundListParams.builder().setCharge(second.chargeId()).build());
        StripeCollection<Refund> page = stripe.v1()
                .refunds()
                .list(RefundListParams.builder().setLimit(2L).build());
        StripeCollection<Refund> next = stripe.v1()
                .refunds()
                .list(RefundListParams.builder()
                        .setLimit(2L)
                        .setStartingAfter(page.getData().get(1).getId())
                        .build());

        assertThat(all.getData()).extracting(Refund::getId).containsExactly(c.getId(), b.getId(), a.getId());
        assertThat(all.getHasMore()).isFalse();
        assertThat(ofFirst.getData()).extracting(Refund::getId).containsExactly(c.getId(), a.getId());
        assertThat(ofSecondCharge.getData()).extracting(Refund::getId).containsExactly(b.getId());
        assertThat(page.getData()).extracting(Refund::getId).containsExactly(c.getId(), b.getId());
        assertThat(page.getHasMore()).isTrue();
        assertThat(next.getData()).extracting(Refund::getId).containsExactly(a.getId());
        assertThat(stripe.v1()
                        .refunds()
                        .list(RefundListParams.builder()
                                .setPaymentIntent("pi_nope")
                                .build())
                        .getData())
                .isEmpty();
        assertThat(emulator.requestCount(StripeOperation.LIST_REFUNDS)).isEqualTo(6);
        assertThat(emulator.requestCount(StripeOperation.CREATE_REFUND)).isEqualTo(3);
    }

    @Test
    void replaysTheRefundForTheSameIdempotencyKey() throws StripeException {
        CheckoutSessionView paid = paidSession();
        RefundCreateParams params = byPaymentIntent(paid).setAmount(700L).build();

        Refund first = stripe.v1().refunds().create(params, key("refund-order-1"));
        Refund second = stripe.v1().refunds().create(params, key("refund-order-1"));

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
        assertThat(emulator.refunds()).hasSize(1);
        assertThat(emulator.checkoutSession(paid.id()).orElseThrow().amountRefunded())
                .isEqualTo(700);
        assertThat(emulator.events())
                .extracting(EventView::type)
                .containsExactly("checkout.session.completed", "charge.refunded", "refund.created");
        assertThat(emulator.requestCount(StripeOperation.CREATE_REFUND)).isEqualTo(2);
        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(byPaymentIntent(paid).setAmount(800L).build(), key("refund-order-1")))
                .isInstanceOf(IdempotencyException.class);
        assertThat(emulator.refunds()).hasSize(1);
    }

    @Test
    void serverErrorsBeforeExecutingThenARetryRefundOnce() throws StripeException {
        CheckoutSessionView paid = paidSession();
        emulator.faults().failNext(StripeOperation.CREATE_REFUND, 2, 500);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() ->
                            stripe.v1().refunds().create(byPaymentIntent(paid).build(), key("k-500")))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(500);
                        assertThat(e.getStripeError().getType()).isEqualTo("api_error");
                    });
            assertThat(emulator.refunds()).isEmpty();
        }
        Refund refund = stripe.v1().refunds().create(byPaymentIntent(paid).build(), key("k-500"));

        assertThat(emulator.refunds()).extracting(RefundView::id).containsExactly(refund.getId());
        assertThat(emulator.requestCount(StripeOperation.CREATE_REFUND)).isEqualTo(3);
    }

    @Test
    void aRateLimitedRefundIsMadeOnceWhenRetried() throws StripeException {
        CheckoutSessionView paid = paidSession();
        emulator.faults().failNext(StripeOperation.CREATE_REFUND, 1, 429);

        assertThatThrownBy(
                        () -> stripe.v1().refunds().create(byPaymentIntent(paid).build(), key("k-429")))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getStripeError().getType()).isEqualTo("rate_limit_error");
                });
        Refund refund = stripe.v1().refunds().create(byPaymentIntent(paid).build(), key("k-429"));

        assertThat(emulator.refunds()).extracting(RefundView::id).containsExactly(refund.getId());
    }

    @Test
    void aRefundWhoseResponseWasLostIsReplayedOnRetry() throws StripeException {
        CheckoutSessionView paid = paidSession();
        emulator.faults().failNextAfterExecuting(StripeOperation.CREATE_REFUND, 1, 502);

        assertThatThrownBy(
                        () -> stripe.v1().refunds().create(byPaymentIntent(paid).build(), key("k-lost")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(502));
        assertThat(emulator.refunds()).hasSize(1);
        Refund retried = stripe.v1().refunds().create(byPaymentIntent(paid).build(), key("k-lost"));

        assertThat(retried.getId()).isEqualTo(emulator.refunds().get(0).id());
        assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
        assertThat(emulator.refunds()).hasSize(1);
        assertThat(emulator.events()).extracting(EventView::type).containsOnlyOnce("charge.refunded", "refund.created");
    }

    @Test
    void aRefundDelayedBeyondTheReadTimeoutIsMadeOnceWhenRetried() throws Exception {
        CheckoutSessionView paid = paidSession();
        StripeClient impatient =
                TestStripe.clientBuilder(emulator).setReadTimeout(200).build();
        emulator.faults().delayNext(StripeOperation.CREATE_REFUND, 1, Duration.ofMillis(700));
        long started = System.nanoTime();

        assertThatThrownBy(() ->
                        impatient.v1().refunds().create(byPaymentIntent(paid).build(), key("k-slow")))
                .isInstanceOf(ApiConnectionException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        Refund retried = stripe.v1().refunds().create(byPaymentIntent(paid).build(), key("k-slow"));
        // The first request wakes up after its delay, finds the key used and replays instead of refunding.
        Thread.sleep(Math.max(
                0, 1_000 - Duration.ofNanos(System.nanoTime() - started).toMillis()));

        assertThat(emulator.refunds()).extracting(RefundView::id).containsExactly(retried.getId());
        assertThat(emulator.requestCount(StripeOperation.CREATE_REFUND)).isEqualTo(2);
    }

    @Test
    void aRefundHeldAfterExecutingBeyondTheReadTimeoutIsReplayedOnRetry() throws StripeException {
        CheckoutSessionView paid = paidSession();
        StripeClient impatient =
                TestStripe.clientBuilder(emulator).setReadTimeout(200).build();
        emulator.faults().delayNextAfterExecuting(StripeOperation.CREATE_REFUND, Duration.ofSeconds(2));

        assertThatThrownBy(() ->
                        impatient.v1().refunds().create(byPaymentIntent(paid).build(), key("k-held")))
                .isInstanceOf(ApiConnectionException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(emulator.refunds()).hasSize(1);
        Refund retried = stripe.v1().refunds().create(byPaymentIntent(paid).build(), key("k-held"));

        assertThat(retried.getId()).isEqualTo(emulator.refunds().get(0).id());
        assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
        assertThat(emulator.refunds()).hasSize(1);
    }

    @Test
    void refundsAreAnnouncedWithSignedEventsThatStripeJavaReads() throws Exception {
        CheckoutSessionView paid = paidSession();
        Refund part = stripe.v1()
                .refunds()
                .create(byPaymentIntent(paid).setAmount(999L).build());
        Refund rest = stripe.v1().refunds().create(byPaymentIntent(paid).build());

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        List<Event> delivered =
                receiver.accepted().stream().map(RefundTest::verified).toList();

        assertThat(delivered)
                .extracting(Event::getType)
                .containsExactlyInAnyOrder(
                        "checkout.session.completed",
                        "charge.refunded",
                        "refund.created",
                        "charge.refunded",
                        "refund.created");
        Map<String, Refund> refunds = delivered.stream()
                .filter(e -> e.getType().equals("refund.created"))
                .map(e -> (Refund) e.getDataObjectDeserializer().getObject().orElseThrow())
                .collect(Collectors.toMap(Refund::getId, Function.identity()));
        assertThat(refunds).containsOnlyKeys(part.getId(), rest.getId());
        assertThat(refunds.get(part.getId())).satisfies(refund -> {
            assertThat(refund.getObject()).isEqualTo("refund");
            assertThat(refund.getAmount()).isEqualTo(999L);
            assertThat(refund.getCharge()).isEqualTo(paid.chargeId());
            assertThat(refund.getPaymentIntent()).isEqualTo(paid.paymentIntent());
            assertThat(refund.getCurrency()).isEqualTo("usd");
            assertThat(refund.getStatus()).isEqualTo("succeeded");
            assertThat(refund.getCreated()).isEqualTo(part.getCreated());
        });
        List<Charge> charges = delivered.stream()
                .filter(e -> e.getType().equals("charge.refunded"))
                .map(e -> (Charge) e.getDataObjectDeserializer().getObject().orElseThrow())
                .sorted((x, y) -> Long.compare(x.getAmountRefunded(), y.getAmountRefunded()))
                .toList();
        assertThat(charges).extracting(Charge::getAmountRefunded).containsExactly(999L, 1999L);
        assertThat(charges).extracting(Charge::getRefunded).containsExactly(false, true);
        assertThat(charges).allSatisfy(charge -> {
            assertThat(charge.getId()).isEqualTo(paid.chargeId());
            assertThat(charge.getObject()).isEqualTo("charge");
            assertThat(charge.getAmount()).isEqualTo(1999L);
            assertThat(charge.getAmountCaptured()).isEqualTo(1999L);
            assertThat(charge.getCaptured()).isTrue();
            assertThat(charge.getPaid()).isTrue();
            assertThat(charge.getStatus()).isEqualTo("succeeded");
            assertThat(charge.getCurrency()).isEqualTo("usd");
            assertThat(charge.getPaymentIntent()).isEqualTo(paid.paymentIntent());
            assertThat(charge.getMetadata()).containsExactly(Map.entry("order_id", "o-1"));
            assertThat(charge.getCreated()).isPositive();
        });
        // The same events through the API, newest first.
        List<Event> listed = stripe.v1()
                .events()
                .list(EventListParams.builder().setType("charge.refunded").build())
                .getData();
        assertThat(listed).hasSize(2);
        assertThat(((Charge) listed.get(0)
                                .getDataObjectDeserializer()
                                .getObject()
                                .orElseThrow())
                        .getRefunded())
                .isTrue();
        assertThat(emulator.events())
                .filteredOn(event -> event.type().equals("refund.created"))
                .extracting(EventView::objectId)
                .containsExactly(part.getId(), rest.getId());
    }

    @Test
    void theJavaApiRefundsAsTheDashboardDoes() throws Exception {
        CheckoutSessionView paid = paidSession();
        stripe.v1().refunds().create(byPaymentIntent(paid).setAmount(1000L).build());

        RefundView refund = emulator.refundPayment(paid.paymentIntent());

        assertThat(refund.amount()).isEqualTo(999L);
        assertThat(refund.charge()).isEqualTo(paid.chargeId());
        assertThat(refund.reason()).isNull();
        assertThat(emulator.refundsForPaymentIntent(paid.paymentIntent()))
                .extracting(RefundView::amount)
                .containsExactly(1000L, 999L);
        assertThat(emulator.refundsForPaymentIntent("pi_other")).isEmpty();
        assertThat(emulator.refunds()).hasSize(2);
        assertThat(emulator.checkoutSession(paid.id()).orElseThrow().amountRefunded())
                .isEqualTo(1999);
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(emulator.events()).extracting(EventView::type).endsWith("charge.refunded", "refund.created");
        assertThat(receiver.accepted()).hasSize(5);
        assertThatThrownBy(() -> emulator.refundPayment(paid.paymentIntent()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has already been refunded");
        assertThatThrownBy(() -> emulator.refundPayment("pi_nope")).isInstanceOf(IllegalArgumentException.class);
        String unsettled = emulator.payLater(createSession()).paymentIntent();
        assertThatThrownBy(() -> emulator.refundPayment(unsettled)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void chargesAndRefundsSurviveARestart() throws Exception {
        restart(options().withDataDirectory(dataDirectory));
        CheckoutSessionView paid = paidSession();
        Refund part = stripe.v1()
                .refunds()
                .create(byPaymentIntent(paid).setAmount(500L).build(), key("k-p"));
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        emulator.close();

        JsonNode state = JSON.readTree(
                dataDirectory.resolve("stripe-emulator-state.json").toFile());
        assertThat(state.get("format").asInt()).isEqualTo(1);
        assertThat(state.get("charges").get(0).get("id").asText()).isEqualTo(paid.chargeId());
        assertThat(state.get("charges").get(0).get("amountRefunded").asLong()).isEqualTo(500);
        assertThat(state.get("refunds").get(0).get("id").asText()).isEqualTo(part.getId());

        restart(options().withDataDirectory(dataDirectory));

        assertThat(emulator.checkoutSession(paid.id()).orElseThrow())
                .extracting(CheckoutSessionView::chargeId, CheckoutSessionView::amountRefunded)
                .containsExactly(paid.chargeId(), 500L);
        assertThat(stripe.v1().refunds().retrieve(part.getId()).getAmount()).isEqualTo(500L);
        assertThat(stripe.v1()
                        .refunds()
                        .create(byPaymentIntent(paid).setAmount(500L).build(), key("k-p"))
                        .getId())
                .isEqualTo(part.getId());
        Refund rest = stripe.v1().refunds().create(byPaymentIntent(paid).build());
        assertThat(rest.getAmount()).isEqualTo(1499L);
        assertThat(emulator.refunds()).extracting(RefundView::id).containsExactly(part.getId(), rest.getId());
    }

    @Test
    void aStateFileWrittenBeforeRefundsExistedLoadsAndItsPaidSessionsCanBeRefunded() throws Exception {
        restart(options().withDataDirectory(dataDirectory));
        CheckoutSessionView paid = paidSession();
        String open = createSession();
        emulator.close();
        Path file = dataDirectory.resolve("stripe-emulator-state.json");
        ObjectNode state = (ObjectNode) JSON.readTree(file.toFile());
        state.remove(List.of("charges", "refunds"));
        JSON.writeValue(file.toFile(), state);

        restart(options().withDataDirectory(dataDirectory));

        CheckoutSessionView reloaded = emulator.checkoutSession(paid.id()).orElseThrow();
        assertThat(reloaded.chargeId()).startsWith("ch_");
        assertThat(emulator.checkoutSession(open).orElseThrow().chargeId()).isNull();
        assertThat(emulator.refunds()).isEmpty();
        assertThat(stripe.v1()
                        .refunds()
                        .create(byPaymentIntent(reloaded).build())
                        .getAmount())
                .isEqualTo(1999L);
    }

    @Test
    void theOperatorRefundsAPaidSessionInFull() throws Exception {
        Browser browser = new Browser(emulator.baseUrl());
        CheckoutSessionView paid = paidSession();
        CheckoutSessionView partly = paidSession();
        stripe.v1().refunds().create(byPaymentIntent(partly).setAmount(1L).build());
        String open = createSession();
        String refundAction = "action=\"/_emulator/sessions/" + paid.id() + "/refund\"";

        assertThat(browser.get("/_emulator/").body())
                .contains(refundAction)
                .contains("action=\"/_emulator/sessions/" + partly.id() + "/refund\"")
                .doesNotContain("/_emulator/sessions/" + open + "/refund");

        HttpResponse<String> form = browser.post("/_emulator/sessions/" + paid.id() + "/refund");

        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(form.headers().firstValue("Location")).hasValue("/_emulator/");
        RefundView refund =
                emulator.refundsForPaymentIntent(paid.paymentIntent()).get(0);
        assertThat(refund.amount()).isEqualTo(1999L);
        assertThat(browser.get("/_emulator/").body())
                .doesNotContain(refundAction)
                .contains("Refunds (2)", refund.id(), "refund.created", "charge.refunded");
        JsonNode refunds =
                JSON.readTree(browser.get("/_emulator/api/refunds").body()).get("data");
        assertThat(refunds).hasSize(2);
        assertThat(refunds.get(0).get("id").asText()).isEqualTo(refund.id());
        assertThat(refunds.get(0).get("object").asText()).isEqualTo("refund");
        JsonNode sessions =
                JSON.readTree(browser.get("/_emulator/api/sessions").body()).get("data");
        assertThat(sessions.get(0).get("charge").get("id").asText()).isEqualTo(paid.chargeId());
        assertThat(sessions.get(0).get("charge").get("refunded").asBoolean()).isTrue();
        assertThat(sessions.get(2).get("charge").isNull()).isTrue();

        HttpResponse<String> api = browser.post("/_emulator/api/sessions/" + partly.id() + "/refund");

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(api.body()).get("amount").asLong()).isEqualTo(1998L);
        assertThat(browser.post("/_emulator/api/sessions/" + partly.id() + "/refund")
                        .statusCode())
                .isEqualTo(409);
        assertThat(browser.post("/_emulator/api/sessions/" + open + "/refund").statusCode())
                .isEqualTo(409);
        assertThat(browser.post("/_emulator/api/sessions/cs_test_nope/refund").statusCode())
                .isEqualTo(404);
        assertThat(emulator.refunds()).hasSize(3);
    }

    private void restart(StripeEmulatorOptions options) {
        if (emulator != null) {
            emulator.close();
        }
        emulator = StripeEmulator.start(options);
        stripe = TestStripe.client(emulator);
    }

    private StripeEmulatorOptions options() {
        return StripeEmulatorOptions.defaults()
                .withWebhookUrl(receiver.url())
                .withApiVersion(Stripe.API_VERSION)
                .withDeliveryBackoff(Duration.ofMillis(50));
    }

    private String createSession() throws StripeException {
        return stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession()
                        .putMetadata("order_id", "o-1")
                        .build())
                .getId();
    }

    /** A $19.99 session paid by card, so its PaymentIntent has a charge to refund. */
    private CheckoutSessionView paidSession() throws StripeException {
        CheckoutSessionView paid = emulator.completeCheckoutSession(createSession());
        assertThat(paid.chargeId()).startsWith("ch_");
        assertThat(paid.amountRefunded()).isZero();
        return paid;
    }

    private void assertRejected(RefundCreateParams params, String code, String param) {
        assertThatThrownBy(() -> stripe.v1().refunds().create(params))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo(code);
                    assertThat(e.getStripeError().getParam()).isEqualTo(param);
                });
    }

    private static RefundCreateParams.Builder byPaymentIntent(CheckoutSessionView session) {
        return RefundCreateParams.builder().setPaymentIntent(session.paymentIntent());
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static Event verified(WebhookReceiver.Delivery delivery) {
        try {
            return Webhook.constructEvent(
                    delivery.payload(), delivery.signature(), StripeEmulatorOptions.DEFAULT_WEBHOOK_SECRET);
        } catch (StripeException e) {
            throw new AssertionError("Signature did not verify", e);
        }
    }
}
