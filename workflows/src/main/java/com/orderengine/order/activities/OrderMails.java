package com.orderengine.order.activities;

import static com.orderengine.mail.Html.escape;

import com.orderengine.mail.OutgoingMail;
import com.orderengine.order.MinorUnits;
import com.orderengine.order.db.OrderItemRecord;
import com.orderengine.order.db.OrderRecord;
import com.orderengine.order.db.RefundRecord;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What the shop writes to a customer about an order, as text and HTML, from the order as stored. Each mail's
 * Message-ID is fixed by the order and what happened ({@code order-<orderId>.paid@<domain>}), so however often a
 * step that adds it is retried, the customer gets one. Money is the stored decimal with the currency's digits;
 * everything put into the HTML is escaped.
 */
public final class OrderMails {

    public static final String PAID = "order.paid";
    public static final String LATE_REFUND = "order.late-refund";

    private final String shopName;
    private final String siteUrl;
    private final String messageIdDomain;

    /** {@code siteUrl} without a trailing slash, as the checkout settings hold it. */
    public OrderMails(String shopName, String siteUrl, String messageIdDomain) {
        this.shopName = shopName;
        this.siteUrl = siteUrl;
        this.messageIdDomain = messageIdDomain;
    }

    public static String messageId(String orderId, String kind, String domain) {
        return "order-" + orderId + "." + kind.substring(kind.indexOf('.') + 1) + "@" + domain;
    }

    /**
     * The storefront's page of the order: the page Stripe returns the customer to after paying, which shows the
     * order, its lines and its status from the session id alone.
     */
    public String orderPageUrl(OrderRecord order) {
        return siteUrl + "/checkout/success?session_id="
                + URLEncoder.encode(order.stripeSessionId(), StandardCharsets.UTF_8);
    }

    /** The order confirmation, sent once the order is paid: its lines, the total and a link to its page. */
    public OutgoingMail confirmation(OrderRecord order, List<OrderItemRecord> items) {
        String currency = order.currency();
        String link = orderPageUrl(order);
        StringBuilder text = new StringBuilder()
                .append("Thank you for your order.\n\n")
                .append("We have received your payment for order ")
                .append(order.reference())
                .append(".\n\n");
        StringBuilder rows = new StringBuilder();
        for (OrderItemRecord item : items) {
            BigDecimal lineTotal = item.price().multiply(BigDecimal.valueOf(item.quantity()));
            text.append("  ")
                    .append(item.quantity())
                    .append(" x ")
                    .append(item.productName())
                    .append(" at ")
                    .append(money(item.price(), currency))
                    .append(": ")
                    .append(money(lineTotal, currency))
                    .append('\n');
            rows.append("<tr><td>")
                    .append(escape(item.productName()))
                    .append("</td><td style=\"text-align:right\">")
                    .append(item.quantity())
                    .append("</td><td style=\"text-align:right\">")
                    .append(escape(money(item.price(), currency)))
                    .append("</td><td style=\"text-align:right\">")
                    .append(escape(money(lineTotal, currency)))
                    .append("</td></tr>\n");
        }
        text.append("\nTotal: ")
                .append(money(order.total(), currency))
                .append("\n\nYour order, at any time:\n")
                .append(link)
                .append("\n\n")
                .append(shopName)
                .append('\n');
        String html = page("<p>Thank you for your order.</p>\n"
                + "<p>We have received your payment for order <code>" + escape(order.reference())
                + "</code>.</p>\n"
                + "<table cellpadding=\"4\" style=\"border-collapse:collapse\">\n"
                + "<thead><tr><th style=\"text-align:left\">Item</th><th>Quantity</th><th>Price</th>"
                + "<th>Amount</th></tr></thead>\n"
                + "<tbody>\n" + rows + "</tbody>\n"
                + "<tfoot><tr><th style=\"text-align:left\" colspan=\"3\">Total</th>"
                + "<th style=\"text-align:right\">" + escape(money(order.total(), currency))
                + "</th></tr></tfoot>\n</table>\n"
                + "<p><a href=\"" + escape(link) + "\">See your order</a></p>\n");
        return new OutgoingMail(
                messageId(order.reference(), PAID, messageIdDomain),
                PAID,
                order.email(),
                shopName + ": your order " + order.reference() + " is confirmed",
                text.toString(),
                html);
    }

    /**
     * The notice that a payment which arrived after the order had closed (expired or cancelled) was given back in
     * full, so the customer knows why the money returns and that nothing was bought.
     */
    public OutgoingMail lateRefund(OrderRecord order, RefundRecord refund) {
        String amount = money(refund.amount(), refund.currency());
        String link = orderPageUrl(order);
        String why =
                "Your payment of " + amount + " for order " + order.reference() + " reached us after the order was "
                        + order.status() + ", so we have refunded it in full (refund " + refund.stripeRefundId() + ").";
        String text = why + "\n\n"
                + "Nothing was charged for this order. Depending on your bank, the refund can take 5 to 10 business "
                + "days to appear on your statement.\n\n"
                + "Your order:\n" + link + "\n\n" + shopName + "\n";
        String html = page("<p>" + escape(why) + "</p>\n"
                + "<p>Nothing was charged for this order. Depending on your bank, the refund can take 5 to 10 "
                + "business days to appear on your statement.</p>\n"
                + "<p><a href=\"" + escape(link) + "\">See your order</a></p>\n");
        return new OutgoingMail(
                messageId(order.reference(), LATE_REFUND, messageIdDomain),
                LATE_REFUND,
                order.email(),
                shopName + ": your payment for order " + order.reference() + " was refunded",
                text,
                html);
    }

    private String page(String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(shopName)
                + "</title></head>\n<body style=\"font-family:sans-serif\">\n" + body
                + "<p>" + escape(shopName) + "</p>\n</body></html>\n";
    }

    /** {@code 47.99 USD}: the decimal with the currency's digits, never through a double. */
    static String money(BigDecimal amount, String currency) {
        return amount.setScale(MinorUnits.fractionDigits(currency)).toPlainString() + " "
                + currency.toUpperCase(Locale.ROOT);
    }
}
