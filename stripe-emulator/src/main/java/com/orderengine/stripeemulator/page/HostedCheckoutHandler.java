package com.orderengine.stripeemulator.page;

import com.orderengine.stripeemulator.checkout.CheckoutPayments;
import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.CheckoutSessionService;
import com.orderengine.stripeemulator.checkout.CheckoutSessionStateException;
import com.orderengine.stripeemulator.checkout.NoSuchCheckoutSessionException;
import com.orderengine.stripeemulator.http.OrderLookup;
import com.orderengine.stripeemulator.support.ActionLog;
import com.orderengine.stripeemulator.web.WebHandler;
import com.orderengine.stripeemulator.web.WebRequest;
import com.orderengine.stripeemulator.web.WebResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The hosted checkout page, {@code /c/pay/{id}}, and the customer's actions posted from it to
 * {@code /c/pay/{id}/{pay|pay-later|decline|cancel|settle|fail}}. Actions that change the session
 * redirect (303) like Stripe does: to the success URL after paying, back to the page after settling.
 * Each action is logged in one INFO line, with the session's order in the MDC.
 */
public final class HostedCheckoutHandler implements WebHandler {

    /** Stripe answers a declined card with 402 and the page stays usable for another try. */
    private static final int DECLINED = 402;

    private static final int CONFLICT = 409;

    private final CheckoutSessionService sessions;
    private final CheckoutPayments payments;
    private final OrderLookup orders;
    private final ActionLog actions =
            new ActionLog(LoggerFactory.getLogger(HostedCheckoutHandler.class), "Hosted page");

    public HostedCheckoutHandler(CheckoutSessionService sessions, CheckoutPayments payments, OrderLookup orders) {
        this.sessions = sessions;
        this.payments = payments;
        this.orders = orders;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        List<String> segments = request.segments();
        if (segments.size() < 3
                || segments.size() > 4
                || !segments.get(0).equals("c")
                || !segments.get(1).equals("pay")) {
            return WebResponse.html(404, CheckoutPage.notFound(String.join("/", segments)));
        }
        String id = segments.get(2);
        try {
            if (segments.size() == 3) {
                return request.isGet() ? show(sessions.retrieve(id), null, 200) : methodNotAllowed();
            }
            if (request.isGet()) {
                // A reload of a page rendered in answer to a POST (the decline page): show the session.
                return WebResponse.seeOther(pagePath(id));
            }
            return request.isPost() ? act(id, segments.get(3), request) : methodNotAllowed();
        } catch (NoSuchCheckoutSessionException e) {
            return WebResponse.html(404, CheckoutPage.notFound(id));
        } catch (CheckoutSessionStateException e) {
            // A second tab, a double submit or an expiry in between: show where the session is now.
            return show(sessions.retrieve(id), null, CONFLICT);
        }
    }

    private WebResponse act(String id, String action, WebRequest request) {
        String email = request.formValue("email");
        switch (action) {
            case "pay":
                return WebResponse.seeOther(
                        act(id, action, () -> payments.pay(id, email)).resolvedSuccessUrl());
            case "pay-later":
                return WebResponse.seeOther(
                        act(id, action, () -> payments.payLater(id, email)).resolvedSuccessUrl());
            case "decline":
                CheckoutSession declined = actions.run(
                        action,
                        id,
                        orders.ofSessionId(id),
                        () -> payments.decline(id),
                        session -> "card declined, " + summary(session));
                return show(declined, PageNotice.error("Your card was declined."), DECLINED);
            case "cancel":
                return cancel(actions.run(
                        action,
                        id,
                        orders.ofSessionId(id),
                        () -> sessions.retrieve(id),
                        session -> "left for the cancel_url, " + summary(session)));
            case "settle":
                act(id, action, () -> payments.settleAsyncPayment(id));
                return WebResponse.seeOther(pagePath(id));
            case "fail":
                act(id, action, () -> payments.failAsyncPayment(id));
                return WebResponse.seeOther(pagePath(id));
            default:
                return WebResponse.html(404, CheckoutPage.notFound(id + "/" + action));
        }
    }

    private CheckoutSession act(String id, String action, Supplier<CheckoutSession> change) {
        return actions.run(action, id, orders.ofSessionId(id), change, HostedCheckoutHandler::summary);
    }

    /** {@code complete, paid, pi_…}: where the session is now. */
    private static String summary(CheckoutSession session) {
        String state =
                session.status().wireName() + ", " + session.paymentStatus().wireName();
        if (session.isAwaitingAsyncPayment()) {
            state += " (payment processing)";
        }
        return session.paymentIntent() == null ? state : state + ", " + session.paymentIntent();
    }

    /** Leaving changes nothing at Stripe: the session stays open until it expires. */
    private static WebResponse cancel(CheckoutSession session) {
        if (session.cancelUrl() == null) {
            return show(session, PageNotice.info("This checkout has no page to return to."), 200);
        }
        return WebResponse.seeOther(session.cancelUrl());
    }

    private static WebResponse show(CheckoutSession session, PageNotice notice, int status) {
        PageNotice shown = notice != null ? notice : CheckoutPage.stateNotice(session);
        return WebResponse.html(status, CheckoutPage.render(session, shown));
    }

    private static WebResponse methodNotAllowed() {
        return WebResponse.text(405, "Method not allowed");
    }

    /** Relative, so redirects work whatever address (publicBaseUrl, a proxy) the browser used. */
    private static String pagePath(String id) {
        return "/c/pay/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
