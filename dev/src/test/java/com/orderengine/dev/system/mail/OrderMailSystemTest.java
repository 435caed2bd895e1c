package com.orderengine.dev.system.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.dev.ReceivedMail;
import com.orderengine.dev.StripeEvents;
import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.dev.system.testing.StripeWebhooks;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.order.workflow.PaymentEvent;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A paid order's confirmation goes from the workflow through the outgoing mail and the worker's relay to SMTP. */
class OrderMailSystemTest {

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> worker = stack.worker();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<OrderEngineConfiguration> api = stack.api();

    @Test
    void aPaidOrderIsConfirmedByMailOnceWithItsLinesAndALinkToItsPage() throws Exception {
        ApiClient client = new ApiClient(api.getLocalPort());
        Reply checkout = client.postJson("/api/checkout", """
                {"items":[{"productId":1,"quantity":2},{"productId":3,"quantity":1}],"email":"grace@example.com"}""");
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(200);
        String orderId = checkout.text("orderId");
        String sessionId = stack.stripe.checkoutSessions().stream()
                .filter(session -> orderId.equals(session.clientReferenceId()))
                .findFirst()
                .orElseThrow()
                .id();
        stack.stripe.completeCheckoutSession(sessionId);
        String event = StripeEvents.event(
                "evt_mail_" + orderId,
                PaymentEvent.CHECKOUT_SESSION_COMPLETED,
                new StripeWebhooks(stack.stripe.baseUrl(), OrderEngineStack.SECRET_KEY).session(sessionId));
        String signature = StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET);
        // Stripe delivers at least once: the same event twice.
        assertThat(client.postWebhook(event, signature).status()).isEqualTo(200);
        assertThat(client.postWebhook(event, signature).status()).isEqualTo(200);

        String messageId = "order-" + orderId + ".paid@localhost";
        ReceivedMail mail = stack.awaitMail(messageId, Duration.ofSeconds(20));

        String orderPage = OrderEngineStack.SITE_URL + "/checkout/success?session_id=" + sessionId;
        assertThat(mail.to()).containsExactly("grace@example.com");
        assertThat(mail.from()).isEqualTo("Order Engine Shop <shop@localhost>");
        assertThat(mail.subject()).isEqualTo("Order Engine Shop: your order " + orderId + " is confirmed");
        assertThat(mail.text())
                .contains(
                        "2 x Ceramic Mug at 14.00 USD: 28.00 USD",
                        "1 x Notebook at 9.50 USD: 9.50 USD",
                        "Total: 37.50 USD",
                        orderPage);
        assertThat(mail.html()).contains("href=\"" + orderPage + "\"", "37.50 USD");

        // Sent: the row stays, without its bodies; and nothing goes twice.
        awaitSentRow(messageId);
        Thread.sleep(1_500); // three more polls of the relay
        assertThat(stack.mail().received())
                .filteredOn(received -> received.messageId().equals("<" + messageId + ">"))
                .hasSize(1);
        assertThat(stack.database.count(
                        "SELECT count(*) FROM outgoing_mail WHERE message_id = ? AND sent_at IS NOT NULL"
                                + " AND text_body IS NULL AND html_body IS NULL",
                        messageId))
                .isEqualTo(1);

        // The stack's mail page lists it, with the order's page as a link.
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.mail().pageUrl()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("grace@example.com", "your order " + orderId + " is confirmed")
                .contains("<a href=\"" + orderPage + "\">");
    }

    private static void awaitSentRow(String messageId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stack.database.count(
                                "SELECT count(*) FROM outgoing_mail WHERE message_id = ? AND sent_at IS NOT NULL",
                                messageId)
                        == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
