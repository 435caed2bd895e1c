package com.orderengine.dev.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.dev.ReceivedMail;
import com.orderengine.dev.StripeEvents;
import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.dev.system.testing.StripeWebhooks;
import com.orderengine.dev.system.testing.SwitchableTcpProxy;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.order.workflow.PaymentEvent;
import com.orderengine.testing.FreePorts;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SMTP server is down for 30 s while orders are paid and a customer signs up: nothing fails, every mail waits
 * in the outbox, and once the server is back each arrives, once. The worker reaches the stack's mail server
 * through a proxy the test takes down, as a mail server whose machine is gone: connections refused and cut.
 */
class MailServerOutageSystemTest {

    private static final int ORDERS = 10;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    private static final SwitchableTcpProxy smtp = new SwitchableTcpProxy(
            FreePorts.next(),
            new InetSocketAddress(
                    "127.0.0.1",
                    Integer.parseInt(stack.mail()
                            .smtpAddress()
                            .substring(stack.mail().smtpAddress().lastIndexOf(':') + 1))));

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> worker =
            stack.worker("worker", ConfigOverride.config("worker", "mail.port", String.valueOf(smtp.port())));

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<OrderEngineConfiguration> api = stack.api();

    @AfterAll
    static void closeProxy() {
        smtp.close();
    }

    @Test
    void mailWaitsOutAnSmtpOutageAndEveryOneArrivesOnce() throws Exception {
        ApiClient client = new ApiClient(api.getLocalPort());
        smtp.down();
        long outageStarted = System.nanoTime();

        String customer = UUID.randomUUID().toString().substring(0, 8) + "-new@example.com";
        Reply signUp = client.postJson(
                "/api/account/signup",
                "{\"email\":\"" + customer + "\",\"password\":\"correct horse battery staple\"}");
        assertThat(signUp.status()).as("a sign-up never waits for SMTP").isEqualTo(202);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            expected.add("<order-" + paidOrder(client, "buyer" + i + "@example.com") + ".paid@localhost>");
        }
        for (String messageId : expected) {
            awaitRow(messageId);
        }
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - outageStarted) / 1_000_000));

        assertThat(stack.mail().received())
                .as("nothing got through while SMTP was down")
                .isEmpty();
        assertThat(stack.database.count("SELECT count(*) FROM outgoing_mail WHERE sent_at IS NULL"))
                .isEqualTo(ORDERS + 1);
        int attempts = stack.database.count("SELECT max(attempts) FROM outgoing_mail");
        assertThat(attempts).as("the relay kept trying").isGreaterThanOrEqualTo(3);

        smtp.up();
        long back = System.nanoTime();
        long deadline = back + Duration.ofSeconds(90).toNanos();
        while (stack.database.count("SELECT count(*) FROM outgoing_mail WHERE sent_at IS NULL") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double allSentSeconds = (System.nanoTime() - back) / 1e9;
        Thread.sleep(1_500); // three more polls of the relay: nothing goes twice

        List<ReceivedMail> received = stack.mail().received();
        Map<String, Long> copies =
                received.stream().collect(Collectors.groupingBy(ReceivedMail::messageId, Collectors.counting()));
        assertThat(copies.keySet()).containsAll(expected);
        assertThat(copies.values()).as("one copy of each").allMatch(count -> count == 1);
        assertThat(received)
                .filteredOn(mail -> mail.to().contains(customer))
                .singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("/account/verify#token="));
        System.out.printf(
                "mail outage: SMTP down %d s; %d order confirmations and 1 verification waited (up to %d attempts"
                        + " each); all %d sent %.1f s after SMTP was back, 0 duplicates%n",
                OUTAGE.toSeconds(), ORDERS, attempts, received.size(), allSentSeconds);
    }

    private static String paidOrder(ApiClient client, String email) {
        Reply checkout = client.postJson(
                "/api/checkout", "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"" + email + "\"}");
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(200);
        String orderId = checkout.text("orderId");
        String sessionId = stack.stripe.checkoutSessions().stream()
                .filter(session -> orderId.equals(session.clientReferenceId()))
                .findFirst()
                .orElseThrow()
                .id();
        stack.stripe.completeCheckoutSession(sessionId);
        String event = StripeEvents.event(
                "evt_outage_" + orderId,
                PaymentEvent.CHECKOUT_SESSION_COMPLETED,
                new StripeWebhooks(stack.stripe.baseUrl(), OrderEngineStack.SECRET_KEY).session(sessionId));
        assertThat(client.postWebhook(event, StripeEvents.sign(event, OrderEngineStack.WEBHOOK_SECRET))
                        .status())
                .isEqualTo(200);
        return orderId;
    }

    private static void awaitRow(String messageId) throws InterruptedException {
        String id = messageId.substring(1, messageId.length() - 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stack.database.count("SELECT count(*) FROM outgoing_mail WHERE message_id = ?", id) == 0) {
            assertThat(System.nanoTime())
                    .as("the confirmation %s was added", id)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
