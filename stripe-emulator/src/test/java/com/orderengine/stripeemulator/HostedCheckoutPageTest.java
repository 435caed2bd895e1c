package com.orderengine.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hosted page as a customer uses it, and the events its actions send. */
class HostedCheckoutPageTest {

    private static final String SECRET = "whsec_page_test_secret";
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private WebhookReceiver receiver;
    private StripeEmulator emulator;
    private StripeClient stripe;
    private Browser browser;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        emulator = StripeEmulator.start(StripeEmulatorOptions.defaults()
                .withWebhookUrl(receiver.url())
                .withWebhookSecret(SECRET)
                .withApiVersion(Stripe.API_VERSION));
        stripe = TestStripe.client(emulator);
        browser = new Browser(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void pageShowsTheOrderWithQuantitiesUnitPricesAndTheFormattedTotal() throws StripeException {
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession()
                        .addLineItem(TestStripe.line("Tea <Earl Grey>", 1250, 2, "usd"))
                        .addLineItem(TestStripe.line("Kettle", 150000, 1, "usd"))
                        .setCustomerEmail("ada@example.com")
                        .setCancelUrl("https://shop.example/cart")
                        .build());

        HttpResponse<String> page = browser.get(path(session));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("Mug", "Qty 1 × $19.99")
                .contains("Tea &lt;Earl Grey&gt;", "Qty 2 × $12.50", "$25.00")
                .contains("Kettle", "$1,500.00")
                .contains("$1,544.99")
                .contains("ada@example.com")
                .contains("action=\"/c/pay/" + session.getId() + "/pay\"")
                .contains(
                        "/c/pay/" + session.getId() + "/pay-later",
                        "/c/pay/" + session.getId() + "/decline",
                        "/c/pay/" + session.getId() + "/cancel")
                .contains("name=\"viewport\"")
                .doesNotContain("<script");
    }

    @Test
    void payingRedirectsToTheSuccessUrlAndSendsOneSignedCompletedEvent() throws Exception {
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession()
                        .setClientReferenceId("order-42")
                        .putMetadata("order_id", "42")
                        .build());

        HttpResponse<String> paid = browser.post(path(session) + "/pay", "email=grace%40example.com");

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location"))
                .hasValue("https://shop.example/success?session_id=" + session.getId());
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(receiver.deliveries()).hasSize(1);
        WebhookReceiver.Delivery delivery = receiver.deliveries().get(0);
        assertThat(delivery.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(delivery.userAgent()).isEqualTo("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        assertThat(delivery.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");

        Event event = Webhook.constructEvent(delivery.payload(), delivery.signature(), SECRET);

        assertThat(event.getType()).isEqualTo("checkout.session.completed");
        assertThat(event.getId()).startsWith("evt_");
        assertThat(event.getApiVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(event.getLivemode()).isFalse();
        Session sent = (Session) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(sent.getId()).isEqualTo(session.getId());
        assertThat(sent.getClientReferenceId()).isEqualTo("order-42");
        assertThat(sent.getMetadata()).containsEntry("order_id", "42");
        assertThat(sent.getAmountTotal()).isEqualTo(1999L);
        assertThat(sent.getStatus()).isEqualTo("complete");
        assertThat(sent.getPaymentStatus()).isEqualTo("paid");
        assertThat(sent.getPaymentIntent()).startsWith("pi_");
        assertThat(sent.getCustomerDetails().getEmail()).isEqualTo("grace@example.com");
        // The event carries the session exactly as the API shows it.
        Session retrieved = stripe.v1().checkout().sessions().retrieve(session.getId());
        assertThat(sent.getPaymentIntent()).isEqualTo(retrieved.getPaymentIntent());
        assertThat(stripe.v1().events().retrieve(event.getId()).getType()).isEqualTo("checkout.session.completed");
    }

    @Test
    void payingLaterCompletesUnpaidThenSettlingSendsAsyncPaymentSucceeded() throws Exception {
        Session session = create();

        HttpResponse<String> later = browser.post(path(session) + "/pay-later", "email=ada%40example.com");

        assertThat(later.statusCode()).isEqualTo(303);
        assertThat(later.headers().firstValue("Location"))
                .hasValue(session.getSuccessUrl().replace("{CHECKOUT_SESSION_ID}", session.getId()));
        Session completed = stripe.v1().checkout().sessions().retrieve(session.getId());
        assertThat(completed.getStatus()).isEqualTo("complete");
        assertThat(completed.getPaymentStatus()).isEqualTo("unpaid");
        assertThat(completed.getPaymentIntent()).startsWith("pi_");
        HttpResponse<String> processing = browser.get(path(session));
        assertThat(processing.body())
                .contains("Payment processing", "Settle payment", "Fail payment")
                .doesNotContain(">Pay $");
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();

        HttpResponse<String> settled = browser.post(path(session) + "/settle");

        assertThat(settled.statusCode()).isEqualTo(303);
        assertThat(settled.headers().firstValue("Location")).hasValue(path(session));
        assertThat(browser.get(path(session)).body())
                .contains("Payment succeeded")
                .contains("href=\"https://shop.example/success?session_id=" + session.getId() + "\"")
                .doesNotContain("Settle payment");
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getPaymentStatus())
                .isEqualTo("paid");
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        List<Event> events = verifiedEvents();
        assertThat(events)
                .extracting(Event::getType)
                .containsExactly("checkout.session.completed", "checkout.session.async_payment_succeeded");
        assertThat(paymentStatusOf(events.get(0))).isEqualTo("unpaid");
        assertThat(paymentStatusOf(events.get(1))).isEqualTo("paid");
    }

    @Test
    void failingADelayedPaymentSendsAsyncPaymentFailedAndLeavesItUnpaid() throws Exception {
        Session session = create();
        browser.post(path(session) + "/pay-later", "email=ada%40example.com");
        // Stripe does not promise delivery in order; the customer fails the payment after its first event arrived.
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();

        HttpResponse<String> failed = browser.post(path(session) + "/fail");

        assertThat(failed.statusCode()).isEqualTo(303);
        assertThat(browser.get(path(session)).body()).contains("Payment failed").doesNotContain("Fail payment");
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getPaymentStatus())
                .isEqualTo("unpaid");
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        List<Event> events = verifiedEvents();
        assertThat(events)
                .extracting(Event::getType)
                .containsExactly("checkout.session.completed", "checkout.session.async_payment_failed");
        assertThat(paymentStatusOf(events.get(1))).isEqualTo("unpaid");
        // Settled or failed is final.
        assertThat(browser.post(path(session) + "/settle").statusCode()).isEqualTo(409);
    }

    @Test
    void aDeclinedCardLeavesTheSessionOpenAndSendsNothing() throws StripeException {
        Session session = create();

        HttpResponse<String> declined = browser.post(path(session) + "/decline", "email=ada%40example.com");

        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.body()).contains("Your card was declined.").contains(">Pay $19.99<");
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus())
                .isEqualTo("open");
        assertThat(emulator.events()).isEmpty();
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(receiver.deliveries()).isEmpty();
        // The customer may try again.
        assertThat(browser.post(path(session) + "/pay", "email=ada%40example.com")
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void cancellingRedirectsToTheCancelUrlAndLeavesTheSessionOpen() throws StripeException {
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession()
                        .setCancelUrl("https://shop.example/cart?from={CHECKOUT_SESSION_ID}")
                        .build());

        HttpResponse<String> cancelled = browser.post(path(session) + "/cancel");

        assertThat(cancelled.statusCode()).isEqualTo(303);
        // Stripe substitutes the template in success_url only.
        assertThat(cancelled.headers().firstValue("Location"))
                .hasValue("https://shop.example/cart?from={CHECKOUT_SESSION_ID}");
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus())
                .isEqualTo("open");
        assertThat(emulator.events()).isEmpty();
    }

    @Test
    void completedAndExpiredSessionsSaySoWithoutButtons() throws StripeException {
        Session paid = create();
        Session expired = stripe.v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession()
                        .setCancelUrl("https://shop.example/cart")
                        .build());
        emulator.completeCheckoutSession(paid.getId());
        emulator.expireCheckoutSession(expired.getId());

        String paidPage = browser.get(path(paid)).body();
        HttpResponse<String> expiredPage = browser.get(path(expired));

        assertThat(paidPage)
                .contains("Payment complete")
                .doesNotContain("<button")
                .contains("href=\"https://shop.example/success?session_id=" + paid.getId() + "\"");
        assertThat(expiredPage.statusCode()).isEqualTo(200);
        assertThat(expiredPage.body())
                .contains("expired")
                .doesNotContain("<button")
                .contains("href=\"https://shop.example/cart\"");
        HttpResponse<String> payAgain = browser.post(path(paid) + "/pay", "email=x%40example.com");
        assertThat(payAgain.statusCode()).isEqualTo(409);
        assertThat(payAgain.body()).contains("Payment complete");
    }

    @Test
    void theBrowsersFaviconRequestIsNoApiKeyError() {
        HttpResponse<String> favicon = browser.get("/favicon.ico");

        assertThat(favicon.statusCode()).isEqualTo(204);
        assertThat(favicon.body()).isEmpty();
    }

    @Test
    void anUnknownSessionIsAnHtmlNotFoundPage() {
        HttpResponse<String> missing = browser.get("/c/pay/cs_test_nope");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(missing.body()).contains("cs_test_nope");
        assertThat(browser.post("/c/pay/cs_test_nope/pay").statusCode()).isEqualTo(404);
    }

    @Test
    void completingFromJavaSendsTheSameEventAsPaying() throws Exception {
        Session session = create();

        emulator.completeCheckoutSession(session.getId());

        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(verifiedEvents()).extracting(Event::getType).containsExactly("checkout.session.completed");
        assertThat(emulator.events()).singleElement().satisfies(event -> {
            assertThat(event.objectId()).isEqualTo(session.getId());
            assertThat(event.payload()).isEqualTo(receiver.deliveries().get(0).payload());
        });
    }

    private Session create() throws StripeException {
        SessionCreateParams params = TestStripe.minimalSession().build();
        return stripe.v1().checkout().sessions().create(params);
    }

    private static String path(Session session) {
        return "/c/pay/" + session.getId();
    }

    private List<Event> verifiedEvents() throws Exception {
        List<Event> events = new ArrayList<>();
        for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
            events.add(Webhook.constructEvent(delivery.payload(), delivery.signature(), SECRET));
        }
        return events;
    }

    private static String paymentStatusOf(Event event) {
        return ((Session) event.getDataObjectDeserializer().getObject().orElseThrow()).getPaymentStatus();
    }
}
