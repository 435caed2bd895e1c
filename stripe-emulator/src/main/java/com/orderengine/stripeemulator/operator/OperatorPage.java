package com.orderengine.stripeemulator.operator;

import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.event.StripeEvent;
import com.orderengine.stripeemulator.http.Html;
import com.orderengine.stripeemulator.refund.Charge;
import com.orderengine.stripeemulator.refund.Refund;
import com.orderengine.stripeemulator.support.Money;
import com.orderengine.stripeemulator.webhook.DeliveryAttempt;
import com.orderengine.stripeemulator.webhook.DeliveryStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The operator's overview at {@code /_emulator/}: settings, sessions, refunds, events and their delivery attempts. */
final class OperatorPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String CSS = """
            main{max-width:72rem;margin:0 auto}
            h1{font-size:22px;margin:8px 0 4px}
            h2{font-size:17px;margin:28px 0 8px}
            .panel{background:#fff;border-radius:10px;box-shadow:0 1px 4px rgba(60,66,87,.12);overflow-x:auto}
            table{width:100%;border-collapse:collapse;font-size:14px}
            th,td{padding:8px 10px;text-align:left;border-bottom:1px solid #e3e8ee;vertical-align:top}
            th,td.time{white-space:nowrap}
            th{background:#f6f9fc;font-weight:600;color:#3c4257}
            tr:last-child td{border-bottom:0}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:12px 0;font-size:14px}
            dt{color:#697386}
            dd{margin:0}
            .status{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;
              background:#e3e8ee}
            .status.open,.status.pending{background:#eef3ff;color:#2a3a8c}
            .status.complete,.status.paid,.status.delivered,.status.succeeded{background:#e6f6ec;color:#0e6245}
            .status.expired,.status.failed{background:#fde8ec;color:#a41c3a}
            ol{margin:0;padding-left:18px}
            td button{padding:4px 10px;border:1px solid #cfd7df;border-radius:6px;background:#fff;font-size:13px}
            .empty{padding:16px;color:#697386}
            """;

    private OperatorPage() {}

    /** {@code chargeOf} maps a PaymentIntent (null for an unpaid session) to its charge, if it has one. */
    static String render(
            OperatorSettings settings,
            List<CheckoutSession> sessions,
            Function<String, Optional<Charge>> chargeOf,
            List<Refund> refundsNewestFirst,
            List<StripeEvent> newestFirst,
            Function<String, DeliveryStatus> statusOf,
            Function<String, List<DeliveryAttempt>> attemptsOf) {
        StringBuilder body = new StringBuilder("<main>\n<span class=\"badge\">Test mode</span>\n");
        body.append("<h1>Stripe emulator</h1>\n");
        settings(settings, body);
        body.append("<h2>Checkout sessions (").append(sessions.size()).append(")</h2>\n<div class=\"panel\">");
        sessions(sessions, chargeOf, body);
        body.append("</div>\n<h2>Refunds (").append(refundsNewestFirst.size()).append(")</h2>\n<div class=\"panel\">");
        refunds(refundsNewestFirst, body);
        body.append("</div>\n<h2>Events (").append(newestFirst.size()).append(")</h2>\n<div class=\"panel\">");
        events(newestFirst, settings.webhookUrl() != null, statusOf, attemptsOf, body);
        body.append("</div>\n<p class=\"muted\">JSON: <a href=\"/_emulator/api/sessions\">/_emulator/api/sessions</a>"
                + " · <a href=\"/_emulator/api/refunds\">/_emulator/api/refunds</a>"
                + " · <a href=\"/_emulator/api/events\">/_emulator/api/events</a></p>\n</main>\n");
        return Html.document("Stripe emulator", CSS, body.toString());
    }

    private static void settings(OperatorSettings settings, StringBuilder body) {
        body.append("<dl>\n");
        definition("API base", settings.apiBaseUrl(), body);
        definition("Webhook URL", settings.webhookUrl(), body);
        definition("API version", settings.apiVersion(), body);
        definition("Data directory", settings.dataDirectory(), body);
        body.append("</dl>\n");
    }

    private static void definition(String term, String value, StringBuilder body) {
        body.append("<dt>")
                .append(Html.escape(term))
                .append("</dt><dd class=\"mono\">")
                .append(value == null ? "none" : Html.escape(value))
                .append("</dd>\n");
    }

    private static void sessions(
            List<CheckoutSession> sessions, Function<String, Optional<Charge>> chargeOf, StringBuilder body) {
        if (sessions.isEmpty()) {
            body.append("<p class=\"empty\">No checkout sessions yet.</p>");
            return;
        }
        body.append("<table>\n<tr><th>Created (UTC)</th><th>Session</th><th>Status</th><th>Payment</th>"
                + "<th>Amount</th><th>Reference</th><th></th></tr>\n");
        for (CheckoutSession session : sessions) {
            String id = Html.escape(session.id());
            Optional<Charge> charge = chargeOf.apply(session.paymentIntent());
            body.append("<tr><td class=\"time\">")
                    .append(time(session.created() * 1000))
                    .append("</td>")
                    .append("<td class=\"mono\"><a href=\"/c/pay/")
                    .append(id)
                    .append("\">")
                    .append(id)
                    .append("</a></td>")
                    .append("<td>")
                    .append(status(session.status().wireName()))
                    .append("</td>")
                    .append("<td>")
                    .append(status(session.paymentStatus().wireName()));
            charge.filter(c -> c.amountRefunded() > 0)
                    .ifPresent(c -> body.append("<br><span class=\"muted\">")
                            .append(
                                    c.isFullyRefunded()
                                            ? "refunded"
                                            : "refunded " + Money.format(c.amountRefunded(), c.currency()))
                            .append("</span>"));
            body.append("</td>")
                    .append("<td>")
                    .append(Html.escape(Money.format(session.amountTotal(), session.currency())))
                    .append("</td><td>")
                    .append(Html.escape(session.clientReferenceId()))
                    .append("</td><td>");
            if (session.isOpen()) {
                body.append("<form method=\"post\" action=\"/_emulator/sessions/")
                        .append(id)
                        .append("/expire\"><button type=\"submit\">Expire</button></form>");
            }
            if (charge.isPresent() && !charge.get().isFullyRefunded()) {
                body.append("<form method=\"post\" action=\"/_emulator/sessions/")
                        .append(id)
                        .append("/refund\"><button type=\"submit\">Refund</button></form>");
            }
            body.append("</td></tr>\n");
        }
        body.append("</table>");
    }

    private static void refunds(List<Refund> refunds, StringBuilder body) {
        if (refunds.isEmpty()) {
            body.append("<p class=\"empty\">No refunds yet.</p>");
            return;
        }
        body.append("<table>\n<tr><th>Created (UTC)</th><th>Refund</th><th>Payment</th><th>Amount</th>"
                + "<th>Reason</th><th>Status</th></tr>\n");
        for (Refund refund : refunds) {
            body.append("<tr><td class=\"time\">")
                    .append(time(refund.created() * 1000))
                    .append("</td>")
                    .append("<td class=\"mono\">")
                    .append(Html.escape(refund.id()))
                    .append("</td>")
                    .append("<td class=\"mono\">")
                    .append(Html.escape(refund.paymentIntent()))
                    .append("<br><span class=\"muted\">")
                    .append(Html.escape(refund.charge()))
                    .append("</span></td>")
                    .append("<td>")
                    .append(Html.escape(Money.format(refund.amount(), refund.currency())))
                    .append("</td><td>")
                    .append(
                            refund.reason() == null
                                    ? ""
                                    : Html.escape(refund.reason().wireName()))
                    .append("</td><td>")
                    .append(status("succeeded"))
                    .append("</td></tr>\n");
        }
        body.append("</table>");
    }

    private static void events(
            List<StripeEvent> events,
            boolean canRedeliver,
            Function<String, DeliveryStatus> statusOf,
            Function<String, List<DeliveryAttempt>> attemptsOf,
            StringBuilder body) {
        if (events.isEmpty()) {
            body.append("<p class=\"empty\">No events yet.</p>");
            return;
        }
        body.append("<table>\n<tr><th>Created (UTC)</th><th>Type</th><th>Event</th><th>Delivery</th>"
                + "<th>Attempts</th><th></th></tr>\n");
        for (StripeEvent event : events) {
            String id = Html.escape(event.id());
            body.append("<tr><td class=\"time\">")
                    .append(time(event.created() * 1000))
                    .append("</td>")
                    .append("<td>")
                    .append(Html.escape(event.type()))
                    .append("</td>")
                    .append("<td class=\"mono\">")
                    .append(id)
                    .append("<br><span class=\"muted\">")
                    .append(Html.escape(event.objectId()))
                    .append("</span></td>")
                    .append("<td>")
                    .append(status(statusOf.apply(event.id()).wireName()))
                    .append("</td><td>");
            attempts(attemptsOf.apply(event.id()), body);
            body.append("</td><td>");
            if (canRedeliver) {
                body.append("<form method=\"post\" action=\"/_emulator/events/")
                        .append(id)
                        .append("/redeliver\"><button type=\"submit\">Redeliver</button></form>");
            }
            body.append("</td></tr>\n");
        }
        body.append("</table>");
    }

    private static void attempts(List<DeliveryAttempt> attempts, StringBuilder body) {
        if (attempts.isEmpty()) {
            body.append("<span class=\"muted\">none</span>");
            return;
        }
        body.append("<ol>");
        for (DeliveryAttempt attempt : attempts) {
            String outcome = attempt.httpStatus() != null ? "HTTP " + attempt.httpStatus() : attempt.error();
            body.append("<li value=\"")
                    .append(attempt.attempt())
                    .append("\">")
                    .append(time(attempt.attemptedAt()))
                    .append(" · ")
                    .append(Html.escape(outcome))
                    .append(" · ")
                    .append(attempt.durationMillis())
                    .append(" ms")
                    .append(attempt.redelivery() ? " · redelivery" : "")
                    .append("</li>");
        }
        body.append("</ol>");
    }

    private static String status(String wireName) {
        return "<span class=\"status " + Html.escape(wireName) + "\">" + Html.escape(wireName) + "</span>";
    }

    private static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
