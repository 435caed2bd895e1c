package com.orderengine.order.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.mail.OutgoingMail;
import com.orderengine.order.db.OrderItemRecord;
import com.orderengine.order.db.OrderRecord;
import com.orderengine.order.db.RefundRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderMailsTest {

    private final OrderMails mails = new OrderMails("Tom & Jerry's <Shop>", "https://shop.example.com", "example.com");

    @Test
    void theConfirmationListsTheLinesWithExactMoneyAndLinksToTheOrdersPage() {
        OutgoingMail mail = mails.confirmation(
                order("paid", "usd", "30.10"),
                List.of(
                        new OrderItemRecord(1, "Mug <b>\"large\"</b>", 3, new BigDecimal("10.03")),
                        new OrderItemRecord(2, "Sticker", 1, new BigDecimal("0.01"))));

        assertThat(mail.messageId()).isEqualTo("order-AbC_12-xyz.paid@example.com");
        assertThat(mail.kind()).isEqualTo("order.paid");
        assertThat(mail.recipient()).isEqualTo("buyer@example.com");
        assertThat(mail.subject()).isEqualTo("Tom & Jerry's <Shop>: your order AbC_12-xyz is confirmed");
        assertThat(mail.text())
                .contains(
                        "order AbC_12-xyz",
                        "3 x Mug <b>\"large\"</b> at 10.03 USD: 30.09 USD",
                        "1 x Sticker at 0.01 USD: 0.01 USD",
                        "Total: 30.10 USD",
                        "https://shop.example.com/checkout/success?session_id=cs_test_a%2Bb",
                        "Tom & Jerry's <Shop>");
        assertThat(mail.html())
                .contains(
                        "Mug &lt;b&gt;&quot;large&quot;&lt;/b&gt;",
                        "30.09 USD",
                        "30.10 USD",
                        "href=\"https://shop.example.com/checkout/success?session_id=cs_test_a%2Bb\"",
                        "Tom &amp; Jerry&#39;s &lt;Shop&gt;")
                .doesNotContain("<b>", "Jerry's");
    }

    @Test
    void aCurrencyWithoutMinorUnitsShowsNone() {
        OutgoingMail mail = mails.confirmation(
                order("paid", "jpy", "1500"), List.of(new OrderItemRecord(1, "Tea", 2, new BigDecimal("750"))));

        assertThat(mail.text()).contains("2 x Tea at 750 JPY: 1500 JPY", "Total: 1500 JPY");
    }

    @Test
    void theLateRefundNoticeSaysWhyAndHowMuch() {
        OutgoingMail mail = mails.lateRefund(
                order("cancelled", "usd", "28.00"),
                new RefundRecord("re_123", "pi_1", new BigDecimal("28.00"), "usd", "late", Instant.now()));

        assertThat(mail.messageId()).isEqualTo("order-AbC_12-xyz.late-refund@example.com");
        assertThat(mail.kind()).isEqualTo("order.late-refund");
        assertThat(mail.text())
                .contains(
                        "Your payment of 28.00 USD for order AbC_12-xyz reached us after the order was cancelled",
                        "(refund re_123)",
                        "https://shop.example.com/checkout/success?session_id=cs_test_a%2Bb");
        assertThat(mail.html()).contains("28.00 USD", "Tom &amp; Jerry&#39;s &lt;Shop&gt;");
    }

    private static OrderRecord order(String status, String currency, String total) {
        return new OrderRecord(
                7,
                "AbC_12-xyz",
                "buyer@example.com",
                currency,
                new BigDecimal(total),
                status,
                null,
                "cs_test_a+b",
                null,
                null,
                "pi_1",
                Instant.now(),
                null);
    }
}
