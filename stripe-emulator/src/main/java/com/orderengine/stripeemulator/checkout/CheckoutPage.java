package com.orderengine.stripeemulator.checkout;

import com.orderengine.stripeemulator.http.Html;
import com.orderengine.stripeemulator.support.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The hosted checkout page as HTML: the order, then what the customer can do in the session's
 * state. Actions are form POSTs to {@code /c/pay/{id}/{action}}; no JavaScript is involved.
 */
final class CheckoutPage {

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String CSS = """
            body{display:flex;align-items:center;justify-content:center}
            .card{width:100%;max-width:28rem;background:#fff;border-radius:12px;padding:24px;
              box-shadow:0 2px 5px rgba(60,66,87,.08),0 8px 24px rgba(60,66,87,.12)}
            h1{font-size:20px;margin:14px 0 0}
            .amount{font-size:32px;font-weight:700;margin:0 0 12px}
            table{width:100%;border-collapse:collapse}
            td{padding:10px 0;border-bottom:1px solid #e3e8ee;vertical-align:top}
            .num{text-align:right;white-space:nowrap;padding-left:12px}
            tr.total td{font-weight:700;border-bottom:0}
            label{display:block;font-size:14px;font-weight:600;margin:18px 0 6px}
            input[type=email]{width:100%;padding:10px 12px;border:1px solid #cfd7df;border-radius:6px;font-size:16px}
            input[readonly]{background:#f6f9fc;color:#3c4257}
            form{margin:0}
            .actions button{display:block;width:100%;padding:12px;border-radius:6px;font-size:16px;font-weight:600;
              margin-top:10px;border:1px solid #cfd7df;background:#fff;color:#1a1f36}
            .actions button.primary{background:#635bff;border-color:#635bff;color:#fff}
            .actions button.danger{color:#df1b41;border-color:#f5a3b4}
            .back{display:block;text-align:center;margin-top:18px}
            button.link{display:block;width:100%;margin-top:18px;border:0;background:none;color:#635bff;font-size:15px}
            .footer{margin-top:20px;text-align:center}
            """;

    private CheckoutPage() {}

    static String render(CheckoutSession session, PageNotice notice) {
        StringBuilder body = new StringBuilder();
        body.append("<main class=\"card\">\n<span class=\"badge\">Test mode</span>\n");
        body.append("<h1>").append(Html.escape(heading(session))).append("</h1>\n");
        body.append("<p class=\"amount\">").append(Html.escape(total(session))).append("</p>\n");
        lines(session, body);
        if (notice != null) {
            body.append("<div class=\"notice ")
                    .append(notice.kind())
                    .append("\" role=\"status\">")
                    .append(Html.escape(notice.text()))
                    .append("</div>\n");
        }
        actions(session, body);
        body.append("<p class=\"footer muted\">Stripe emulator · <span class=\"mono\">")
                .append(Html.escape(session.id()))
                .append("</span>");
        if (session.isOpen()) {
            body.append("<br>Expires ").append(EXPIRY.format(Instant.ofEpochSecond(session.expiresAt())));
        }
        body.append("</p>\n</main>\n");
        return Html.document(heading(session) + " · " + total(session), CSS, body.toString());
    }

    static String notFound(String id) {
        String body = "<main class=\"card\">\n<span class=\"badge\">Test mode</span>\n<h1>Checkout not found</h1>\n"
                + "<p>There is no checkout session <span class=\"mono\">" + Html.escape(id) + "</span>.</p>\n"
                + "<p class=\"muted\">Sessions of an emulator that was restarted without a data directory "
                + "are gone.</p>\n</main>\n";
        return Html.document("Checkout not found", CSS, body);
    }

    /** The notice a state explains itself with when nothing else is to be said. */
    static PageNotice stateNotice(CheckoutSession session) {
        if (session.status() == CheckoutSessionStatus.EXPIRED) {
            return PageNotice.error("This checkout session has expired. Return to the shop to start again.");
        }
        if (session.isOpen()) {
            return null;
        }
        return switch (session.asyncPayment()) {
            case PROCESSING ->
                PageNotice.info("The bank debit was submitted. The shop has been told the order is "
                        + "complete but not yet paid; settle or fail the payment to finish.");
            case SUCCEEDED -> PageNotice.ok("The delayed payment succeeded. The shop has been told it is paid.");
            case FAILED -> PageNotice.error("The delayed payment failed. The shop has been told it will not be paid.");
            case NONE -> PageNotice.ok("Thanks for your payment. This checkout session is complete.");
        };
    }

    private static String heading(CheckoutSession session) {
        if (session.status() == CheckoutSessionStatus.EXPIRED) {
            return "Checkout expired";
        }
        if (session.isOpen()) {
            return "Pay";
        }
        return switch (session.asyncPayment()) {
            case PROCESSING -> "Payment processing";
            case SUCCEEDED -> "Payment succeeded";
            case FAILED -> "Payment failed";
            case NONE -> "Payment complete";
        };
    }

    private static String total(CheckoutSession session) {
        return Money.format(session.amountTotal(), session.currency());
    }

    private static void lines(CheckoutSession session, StringBuilder body) {
        body.append("<table>\n");
        for (CheckoutLineItem line : session.lineItems()) {
            body.append("<tr><td>")
                    .append(Html.escape(line.name()))
                    .append("<div class=\"muted\">Qty ")
                    .append(line.quantity())
                    .append(" × ")
                    .append(Html.escape(Money.format(line.unitAmount(), line.currency())))
                    .append("</div></td>")
                    .append("<td class=\"num\">")
                    .append(Html.escape(Money.format(line.amountTotal(), line.currency())))
                    .append("</td></tr>\n");
        }
        body.append("<tr class=\"total\"><td>Total due</td><td class=\"num\">")
                .append(Html.escape(total(session)))
                .append("</td></tr>\n</table>\n");
        String email = session.payerEmail() != null ? session.payerEmail() : session.customerEmail();
        if (!session.isOpen() && email != null) {
            body.append("<p class=\"muted\">Email: ").append(Html.escape(email)).append("</p>\n");
        }
    }

    private static void actions(CheckoutSession session, StringBuilder body) {
        String base = "/c/pay/" + Html.escape(session.id()) + "/";
        if (session.isOpen()) {
            body.append("<form method=\"post\" action=\"")
                    .append(base)
                    .append("pay\" class=\"actions\">\n")
                    .append("<label for=\"email\">Email</label>\n");
            if (session.customerEmail() != null) {
                body.append("<input type=\"email\" id=\"email\" name=\"email\" readonly value=\"")
                        .append(Html.escape(session.customerEmail()))
                        .append("\">\n");
            } else {
                body.append("<input type=\"email\" id=\"email\" name=\"email\" required autocomplete=\"email\" "
                        + "placeholder=\"you@example.com\">\n");
            }
            body.append("<button type=\"submit\" class=\"primary\">Pay ")
                    .append(Html.escape(total(session)))
                    .append("</button>\n")
                    .append("<button type=\"submit\" formaction=\"")
                    .append(base)
                    .append("pay-later\">Pay later (bank debit, settles later)</button>\n")
                    .append("<button type=\"submit\" class=\"danger\" formnovalidate formaction=\"")
                    .append(base)
                    .append("decline\">Decline card</button>\n</form>\n");
            if (session.cancelUrl() != null) {
                body.append("<form method=\"post\" action=\"")
                        .append(base)
                        .append("cancel\">")
                        .append("<button type=\"submit\" class=\"link\">← Cancel and return to the shop</button>")
                        .append("</form>\n");
            }
        } else if (session.asyncPayment() == AsyncPaymentState.PROCESSING) {
            body.append("<div class=\"actions\">\n")
                    .append("<form method=\"post\" action=\"")
                    .append(base)
                    .append("settle\">")
                    .append("<button type=\"submit\" class=\"primary\">Settle payment</button></form>\n")
                    .append("<form method=\"post\" action=\"")
                    .append(base)
                    .append("fail\">")
                    .append("<button type=\"submit\" class=\"danger\">Fail payment</button></form>\n</div>\n");
            backLink(session.resolvedSuccessUrl(), body);
        } else if (session.status() == CheckoutSessionStatus.COMPLETE) {
            backLink(session.resolvedSuccessUrl(), body);
        } else {
            backLink(session.cancelUrl(), body);
        }
    }

    private static void backLink(String url, StringBuilder body) {
        if (url != null) {
            body.append("<a class=\"back\" href=\"").append(Html.escape(url)).append("\">Return to the shop</a>\n");
        }
    }
}
