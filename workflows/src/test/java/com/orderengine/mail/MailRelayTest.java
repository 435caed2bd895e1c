package com.orderengine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import com.orderengine.testing.TestSmtp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailRelayTest {

    private final TestDatabase database = TestPostgres.newDatabase();
    private final OutgoingMailDao outbox = database.jdbi().onDemand(OutgoingMailDao.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MailMetrics metrics = new MailMetrics(registry);
    private final List<MailRelay> started = new ArrayList<>();
    private TestSmtp smtp;

    @BeforeEach
    void startSmtp() {
        smtp = TestSmtp.start();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (MailRelay relay : started) {
            relay.stop();
        }
        smtp.close();
    }

    @Test
    void aDueMailIsSentOnceAndMarkedSentWithItsBodiesCleared() throws Exception {
        assertThat(outbox.add(mail("order-1.paid@shop.test"))).isTrue();
        MailRelay relay = relay(smtp);

        assertThat(relay.sendDue()).isEqualTo(1);
        assertThat(relay.sendDue()).as("nothing is due any more").isZero();

        assertThat(smtp.received()).singleElement().satisfies(message -> {
            assertThat(message.getMessageID()).isEqualTo("<order-1.paid@shop.test>");
            assertThat(message.getSubject()).isEqualTo("Subject of order-1.paid@shop.test");
        });
        Map<String, Object> row = row("order-1.paid@shop.test");
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("text_body")).isNull();
        assertThat(row.get("html_body")).isNull();
        assertThat(row.get("attempts")).isEqualTo(0);
        assertThat(counter(MailMetrics.SENT)).isEqualTo(1);
    }

    @Test
    void whileSmtpIsDownTheMailWaitsAndIsTriedAgainThenArrivesExactlyOnce() throws Exception {
        TestSmtp down = TestSmtp.down();
        try {
            outbox.add(mail("order-2.paid@shop.test"));
            MailRelay relay = relay(down);
            relay.start();
            started.add(relay);

            // 1 s, then 2 s apart: two failures in about a second.
            await(() -> attempts("order-2.paid@shop.test") >= 2, Duration.ofSeconds(10));
            Map<String, Object> waiting = row("order-2.paid@shop.test");
            assertThat(waiting.get("sent_at")).isNull();
            assertThat(waiting.get("text_body")).isEqualTo("Text of order-2.paid@shop.test");
            assertThat((String) waiting.get("last_error"))
                    .contains("MailConnectException")
                    .doesNotContain("Text of");
            assertThat(counter(MailMetrics.FAILURES)).isGreaterThanOrEqualTo(2);

            down.up();
            await(() -> row("order-2.paid@shop.test").get("sent_at") != null, Duration.ofSeconds(10));
            Thread.sleep(500); // a few more polls: nothing goes twice
            assertThat(down.received())
                    .extracting(MimeMessage::getMessageID)
                    .containsExactly("<order-2.paid@shop.test>");
            assertThat(counter(MailMetrics.SENT)).isEqualTo(1);
            assertThat(database.count("SELECT count(*) FROM outgoing_mail WHERE sent_at IS NULL"))
                    .isZero();
        } finally {
            down.close();
        }
    }

    @Test
    void twoRelaysOnOneTableNeverSendAMailTwice() throws Exception {
        List<String> ids = IntStream.range(0, 40)
                .mapToObj(i -> "order-" + i + ".paid@shop.test")
                .toList();
        ids.forEach(id -> outbox.add(mail(id)));
        MailRelay first = relay(smtp);
        MailRelay second = relay(smtp);
        CountDownLatch go = new CountDownLatch(1);

        CompletableFuture<Integer> byFirst = CompletableFuture.supplyAsync(() -> sendAfter(go, first));
        CompletableFuture<Integer> bySecond = CompletableFuture.supplyAsync(() -> sendAfter(go, second));
        go.countDown();

        assertThat(byFirst.get() + bySecond.get()).isEqualTo(40);
        List<String> received = new ArrayList<>();
        for (MimeMessage message : smtp.received()) {
            received.add(message.getMessageID());
        }
        assertThat(received)
                .hasSize(40)
                .containsExactlyInAnyOrderElementsOf(
                        ids.stream().map(id -> "<" + id + ">").toList());
        assertThat(database.count("SELECT count(*) FROM outgoing_mail WHERE sent_at IS NULL"))
                .isZero();
    }

    @Test
    void aMailClaimedByARelayThatDiedGoesAgainOnceItsLeaseRunsOut() throws Exception {
        outbox.add(mail("order-3.paid@shop.test"));
        // Claimed by a relay that died before it sent or marked it.
        assertThat(outbox.claimNext(300)).isPresent();
        MailRelay relay = relay(smtp);

        assertThat(relay.sendDue()).as("still claimed").isZero();
        Thread.sleep(400);
        assertThat(relay.sendDue()).isEqualTo(1);
        assertThat(smtp.received()).extracting(MimeMessage::getMessageID).containsExactly("<order-3.paid@shop.test>");
    }

    @Test
    void theRetryDelayDoublesFromOneSecondUpToTheCap() {
        Duration cap = Duration.ofSeconds(60);
        assertThat(IntStream.rangeClosed(1, 8)
                        .mapToObj(
                                failures -> MailRelay.retryDelay(failures, cap).toSeconds())
                        .toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
        assertThat(MailRelay.retryDelay(10_000, cap)).isEqualTo(cap);
    }

    @Test
    void theErrorKeptIsShortAndOnOneLine() {
        String error = MailRelay.shortError(
                new MessagingException("550 mailbox\nunavailable " + "x".repeat(1_000), new RuntimeException("io")));
        assertThat(error)
                .startsWith("MessagingException: 550 mailbox unavailable")
                .doesNotContain("\n");
        assertThat(error).hasSize(MailRelay.ERROR_LENGTH);
    }

    private static int sendAfter(CountDownLatch go, MailRelay relay) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return relay.sendDue();
    }

    private MailRelay relay(TestSmtp server) {
        return new MailRelay(
                database.jdbi(),
                server.mailer(Duration.ofMillis(500)),
                Duration.ofMillis(50),
                Duration.ofSeconds(60),
                metrics);
    }

    private static OutgoingMail mail(String messageId) {
        return new OutgoingMail(
                messageId,
                "order.paid",
                "buyer@example.com",
                "Subject of " + messageId,
                "Text of " + messageId,
                "<p>HTML of " + messageId + "</p>");
    }

    private Map<String, Object> row(String messageId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT * FROM outgoing_mail WHERE message_id = :id")
                        .bind("id", messageId)
                        .mapToMap()
                        .one());
    }

    private int attempts(String messageId) {
        return (Integer) row(messageId).get("attempts");
    }

    private double counter(String name) {
        return registry.find(name).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
