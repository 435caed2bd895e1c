package com.orderengine.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderengine.testing.TestSmtp;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SmtpMailerTest {

    private static final TestSmtp smtp = TestSmtp.start();

    @AfterAll
    static void stop() {
        smtp.close();
    }

    @Test
    void sendsTextAndHtmlInUtf8UnderTheMessageIdItWasGiven() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        smtp.mailer()
                .send(new OutgoingMail(
                        "order-abc.paid@shop.test",
                        "order.paid",
                        "Zoë <zoe@example.com>",
                        "Your order — thank you, Zoë",
                        "Total 47.99 USD\nhttp://shop.test/x",
                        "<p>Total 47.99 USD, <a href=\"http://shop.test/x\">your order</a> — Zoë</p>"));

        assertThat(smtp.received()).hasSize(1);
        MimeMessage received = smtp.received().get(0);
        assertThat(received.getHeader("Message-ID")).containsExactly("<order-abc.paid@shop.test>");
        assertThat(received.getMessageID()).isEqualTo("<order-abc.paid@shop.test>");
        assertThat(received.getFrom()).containsExactly(new InternetAddress(TestSmtp.FROM));
        assertThat(received.getHeader("To")[0])
                .as("encoded for ASCII-only servers")
                .doesNotContain("ë");
        assertThat(received.getAllRecipients()).singleElement().satisfies(to -> {
            assertThat(((InternetAddress) to).getAddress()).isEqualTo("zoe@example.com");
            assertThat(((InternetAddress) to).getPersonal()).isEqualTo("Zoë");
        });
        assertThat(received.getSubject()).isEqualTo("Your order — thank you, Zoë");
        assertThat(received.getSentDate().toInstant()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(received.getContentType()).startsWith("multipart/alternative");

        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType())
                .startsWith("text/plain")
                .containsIgnoringCase("utf-8");
        assertThat((String) parts.getBodyPart(0).getContent())
                .as("lines end in CRLF on the wire")
                .isEqualToNormalizingNewlines("Total 47.99 USD\nhttp://shop.test/x");
        assertThat(parts.getBodyPart(1).getContentType())
                .startsWith("text/html")
                .containsIgnoringCase("utf-8");
        assertThat((String) parts.getBodyPart(1).getContent())
                .isEqualTo("<p>Total 47.99 USD, <a href=\"http://shop.test/x\">your order</a> — Zoë</p>");
    }

    @Test
    void aServerThatIsNotThereIsAnErrorNotASilentLoss() {
        try (TestSmtp nobody = TestSmtp.down()) {
            assertThatThrownBy(() -> nobody.mailer(Duration.ofMillis(500))
                            .send(new OutgoingMail("m-1@shop.test", "test", "a@example.com", "s", "t", "<p>h</p>")))
                    .isInstanceOf(MessagingException.class);
        }
    }
}
