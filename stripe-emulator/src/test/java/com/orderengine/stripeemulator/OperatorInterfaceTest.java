package com.orderengine.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.StripeException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /_emulator/}: the operator's JSON endpoints and overview page, which need no API key. */
class OperatorInterfaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private WebhookReceiver receiver;
    private StripeEmulator emulator;
    private Browser browser;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        emulator = StripeEmulator.start(StripeEmulatorOptions.defaults()
                .withWebhookUrl(receiver.url())
                .withDeliveryBackoff(Duration.ofMillis(50)));
        browser = new Browser(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void listsSessionsAsStripeObjectsWithTheirHostedPage() throws Exception {
        String id = createSession();

        HttpResponse<String> response = browser.get("/_emulator/api/sessions");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode entry = JSON.readTree(response.body()).get("data").get(0);
        assertThat(entry.get("session").get("id").asText()).isEqualTo(id);
        assertThat(entry.get("session").get("object").asText()).isEqualTo("checkout.session");
        assertThat(entry.get("hosted_page_url").asText()).isEqualTo(emulator.baseUrl() + "/c/pay/" + id);
    }

    @Test
    void listsEventsNewestFirstWithTheirDeliveryAttempts() throws Exception {
        receiver.failNext(1);
        String paid = createSession();
        String expired = createSession();
        emulator.completeCheckoutSession(paid);
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        emulator.expireCheckoutSession(expired);
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();

        JsonNode data =
                JSON.readTree(browser.get("/_emulator/api/events").body()).get("data");

        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("event").get("type").asText()).isEqualTo("checkout.session.expired");
        JsonNode completed = data.get(1);
        assertThat(completed.get("event").get("object").asText()).isEqualTo("event");
        assertThat(completed.get("event").get("data").get("object").get("id").asText())
                .isEqualTo(paid);
        assertThat(completed.get("delivery_status").asText()).isEqualTo("delivered");
        JsonNode attempts = completed.get("delivery_attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(1);
        assertThat(attempts.get(0).get("http_status").asInt()).isEqualTo(500);
        assertThat(attempts.get(0).get("succeeded").asBoolean()).isFalse();
        assertThat(attempts.get(1).get("http_status").asInt()).isEqualTo(200);
        assertThat(attempts.get(1).get("attempted_at").asText()).endsWith("Z");
        assertThat(attempts.get(1).has("duration_ms")).isTrue();
    }

    @Test
    void redeliversAnEventOnRequest() throws Exception {
        emulator.completeCheckoutSession(createSession());
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        String eventId = emulator.events().get(0).id();

        HttpResponse<String> api = browser.post("/_emulator/api/events/" + eventId + "/redeliver");
        HttpResponse<String> form = browser.post("/_emulator/events/" + eventId + "/redeliver");

        assertThat(api.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(api.body()).get("event_id").asText()).isEqualTo(eventId);
        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(form.headers().firstValue("Location")).hasValue("/_emulator/");
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        assertThat(receiver.accepted()).hasSize(3);
        assertThat(browser.post("/_emulator/api/events/evt_nope/redeliver").statusCode())
                .isEqualTo(404);
    }

    @Test
    void expiresASessionOnRequest() throws Exception {
        String id = createSession();

        HttpResponse<String> expired = browser.post("/_emulator/api/sessions/" + id + "/expire");

        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(expired.body()).get("status").asText()).isEqualTo("expired");
        assertThat(emulator.events()).extracting(EventView::type).containsExactly("checkout.session.expired");
        assertThat(browser.post("/_emulator/api/sessions/" + id + "/expire").statusCode())
                .isEqualTo(409);
        assertThat(browser.post("/_emulator/api/sessions/cs_test_nope/expire").statusCode())
                .isEqualTo(404);
        String other = createSession();
        assertThat(browser.post("/_emulator/sessions/" + other + "/expire").statusCode())
                .isEqualTo(303);
        assertThat(emulator.checkoutSession(other).orElseThrow().status()).isEqualTo("expired");
    }

    @Test
    void theOverviewPageLinksSessionsAndOffersRedelivery() throws Exception {
        String id = createSession();
        emulator.completeCheckoutSession(id);
        String open = createSession();
        assertThat(emulator.awaitDeliveries(SETTLE)).isTrue();
        String eventId = emulator.events().get(0).id();

        HttpResponse<String> page = browser.get("/_emulator/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("href=\"/c/pay/" + id + "\"", "href=\"/c/pay/" + open + "\"")
                .contains("action=\"/_emulator/sessions/" + open + "/expire\"")
                .contains(eventId, "checkout.session.completed", "HTTP 200")
                .contains("action=\"/_emulator/events/" + eventId + "/redeliver\"")
                .contains(receiver.url());
        assertThat(browser.get("/_emulator").statusCode()).isEqualTo(200);
        assertThat(browser.get("/_emulator/nope").statusCode()).isEqualTo(404);
    }

    private String createSession() throws StripeException {
        return TestStripe.client(emulator)
                .v1()
                .checkout()
                .sessions()
                .create(TestStripe.minimalSession().build())
                .getId();
    }
}
