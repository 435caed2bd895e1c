package com.orderengine.stripeemulator;

import static com.orderengine.stripeemulator.TestStripe.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.stripeemulator.fault.StripeOperation;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.LineItem;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionLineItemListParams;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckoutSessionCreateTest {

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
    void createsSessionFromEveryParameterAndStripeJavaReadsItBack() throws StripeException {
        long expiresAt = clock.epochSecond() + Duration.ofHours(2).toSeconds();

        Session session = stripe.v1().checkout().sessions().create(fullParams(expiresAt));

        assertThat(session.getId()).startsWith("cs_test_").hasSizeGreaterThan(40);
        assertThat(session.getObject()).isEqualTo("checkout.session");
        assertThat(session.getMode()).isEqualTo("payment");
        assertThat(session.getStatus()).isEqualTo("open");
        assertThat(session.getPaymentStatus()).isEqualTo("unpaid");
        assertThat(session.getPaymentIntent()).isNull();
        assertThat(session.getAmountSubtotal()).isEqualTo(2 * 1999L + 3 * 450L);
        assertThat(session.getAmountTotal()).isEqualTo(2 * 1999L + 3 * 450L);
        assertThat(session.getCurrency()).isEqualTo("eur");
        assertThat(session.getCustomerEmail()).isEqualTo("ada@example.com");
        assertThat(session.getClientReferenceId()).isEqualTo("order-42");
        assertThat(session.getMetadata()).containsExactly(Map.entry("order_id", "order-42"));
        assertThat(session.getSuccessUrl()).isEqualTo("https://shop.example/ok?cs={CHECKOUT_SESSION_ID}");
        assertThat(session.getCancelUrl()).isEqualTo("https://shop.example/cancel");
        assertThat(session.getUrl()).isEqualTo(emulator.baseUrl() + "/c/pay/" + session.getId());
        assertThat(session.getCreated()).isEqualTo(clock.epochSecond());
        assertThat(session.getExpiresAt()).isEqualTo(expiresAt);
        assertThat(session.getLivemode()).isFalse();
        assertThat(session.getPaymentMethodTypes()).containsExactly("card");
        assertThat(session.getUiMode()).isEqualTo("hosted");
        assertThat(session.getCustomerDetails()).isNull();
        assertThat(session.getLastResponse().headers().firstValue("Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).startsWith("req_"));

        CheckoutSessionView view = emulator.checkoutSession(session.getId()).orElseThrow();
        assertThat(view.lineItems())
                .containsExactly(new LineItemView("Mug", 1999, 2, "eur"), new LineItemView("Sticker", 450, 3, "eur"));
        assertThat(view.metadata()).containsExactly(Map.entry("order_id", "order-42"));
        assertThat(view.paymentIntentMetadata()).containsExactly(Map.entry("order_id", "order-42"));
        assertThat(view.amountTotal()).isEqualTo(session.getAmountTotal());
        assertThat(view.status()).isEqualTo("open");
        assertThat(view.paymentStatus()).isEqualTo("unpaid");
        assertThat(view.url()).isEqualTo(session.getUrl());
        assertThat(emulator.checkoutSessionsCreated()).isEqualTo(1);
        assertThat(emulator.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION))
                .isEqualTo(1);
    }

    @Test
    void defaultsExpiryToTwentyFourHours() throws StripeException {
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build());

        assertThat(session.getExpiresAt())
                .isEqualTo(clock.epochSecond() + Duration.ofHours(24).toSeconds());
        assertThat(session.getCancelUrl()).isNull();
        assertThat(session.getMetadata()).isEmpty();
    }

    @Test
    void retrievesTheSameSession() throws StripeException {
        Session created = stripe.v1().checkout().sessions().create(fullParams(clock.epochSecond() + 3600));

        Session retrieved = stripe.v1().checkout().sessions().retrieve(created.getId());

        assertThat(retrieved.getRawJsonObject()).isEqualTo(created.getRawJsonObject());
        assertThat(emulator.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION))
                .isEqualTo(1);
    }

    @Test
    void listsLineItemsAndExpandsThem() throws StripeException {
        SessionCreateParams params = fullParamsBuilder(clock.epochSecond() + 3600)
                .addExpand("line_items")
                .build();
        Session session = stripe.v1().checkout().sessions().create(params);

        assertThat(session.getLineItems().getData())
                .extracting(LineItem::getDescription)
                .containsExactly("Mug", "Sticker");

        StripeCollection<LineItem> items =
                stripe.v1().checkout().sessions().lineItems().list(session.getId());
        assertThat(items.getHasMore()).isFalse();
        assertThat(items.getData()).hasSize(2);
        LineItem mug = items.getData().get(0);
        assertThat(mug.getId()).startsWith("li_");
        assertThat(mug.getObject()).isEqualTo("item");
        assertThat(mug.getQuantity()).isEqualTo(2L);
        assertThat(mug.getAmountTotal()).isEqualTo(3998L);
        assertThat(mug.getCurrency()).isEqualTo("eur");
        assertThat(mug.getPrice().getUnitAmount()).isEqualTo(1999L);

        StripeCollection<LineItem> page = stripe.v1()
                .checkout()
                .sessions()
                .lineItems()
                .list(
                        session.getId(),
                        SessionLineItemListParams.builder().setLimit(1L).build());
        assertThat(page.getHasMore()).isTrue();
        assertThat(page.getData()).extracting(LineItem::getId).containsExactly(mug.getId());
        StripeCollection<LineItem> next = stripe.v1()
                .checkout()
                .sessions()
                .lineItems()
                .list(
                        session.getId(),
                        SessionLineItemListParams.builder()
                                .setLimit(1L)
                                .setStartingAfter(mug.getId())
                                .build());
        assertThat(next.getHasMore()).isFalse();
        assertThat(next.getData()).extracting(LineItem::getDescription).containsExactly("Sticker");
    }

    @Test
    void listsSessionsInCreationOrder() throws StripeException {
        Session first = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build());
        Session second = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build());

        assertThat(emulator.checkoutSessions())
                .extracting(CheckoutSessionView::id)
                .containsExactly(first.getId(), second.getId());
        assertThat(emulator.checkoutSession("cs_test_unknown")).isEmpty();
    }

    @Test
    void usesThePublicBaseUrlForHostedPageLinks() throws StripeException {
        try (StripeEmulator proxied =
                StripeEmulator.start(StripeEmulatorOptions.defaults().withPublicBaseUrl("https://pay.shop.test/"))) {
            Session session = TestStripe.client(proxied)
                    .v1()
                    .checkout()
                    .sessions()
                    .create(TestStripe.minimalSession().build());

            assertThat(session.getUrl()).isEqualTo("https://pay.shop.test/c/pay/" + session.getId());
            assertThat(proxied.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").endsWith(":" + proxied.port());
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        StripeEmulator other = StripeEmulator.start();
        other.close();
        other.close();
    }

    private static SessionCreateParams fullParams(long expiresAt) {
        return fullParamsBuilder(expiresAt).build();
    }

    private static SessionCreateParams.Builder fullParamsBuilder(long expiresAt) {
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl("https://shop.example/ok?cs={CHECKOUT_SESSION_ID}")
                .setCancelUrl("https://shop.example/cancel")
                .addLineItem(line("Mug", 1999, 2, "eur"))
                .addLineItem(line("Sticker", 450, 3, "EUR"))
                .putMetadata("order_id", "order-42")
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("order_id", "order-42")
                        .build())
                .setClientReferenceId("order-42")
                .setCustomerEmail("ada@example.com")
                .setExpiresAt(expiresAt)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD);
    }
}
