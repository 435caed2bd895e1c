package com.orderengine.stripeemulator.checkout;

import com.orderengine.stripeemulator.http.Request;
import com.orderengine.stripeemulator.http.Response;
import com.orderengine.stripeemulator.http.Router;
import com.orderengine.stripeemulator.logging.ActionLog;
import com.orderengine.stripeemulator.logging.LogTagger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The hosted checkout page, {@code /c/pay/{id}}, and the customer's actions posted from it to
 * {@code /c/pay/{id}/{pay|pay-later|decline|cancel|settle|fail}}. Actions that change the session
 * redirect (303) like Stripe does: to the success URL after paying, back to the page after settling.
 * Each action is logged in one INFO line, tagged with the session's labels.
 */
public final class HostedCheckoutHandler {

    /** Stripe answers a declined card with 402 and the page stays usable for another try. */
    private static final int DECLINED = 402;

    private static final int CONFLICT = 409;
    private static final String PAGE = "/c/pay/{id}";

    private final CheckoutSessionService sessions;
    private final CheckoutPayments payments;
    private final ActionLog actions;

    public HostedCheckoutHandler(CheckoutSessionService sessions, CheckoutPayments payments, LogTagger tagger) {
        this.sessions = sessions;
        this.payments = payments;
        this.actions = new ActionLog(LoggerFactory.getLogger(HostedCheckoutHandler.class), "Hosted page", tagger);
    }

    public void registerOn(Router router) {
        router.any(PAGE, this::page).any(PAGE + "/{action}", this::action).fallback("/c/pay/", this::notFound);
        // Browsers ask for it on every page; without a route it would be an API request without a key.
        router.add(
                "GET",
                "/favicon.ico",
                request -> new Response(204, Map.of("Cache-Control", "max-age=86400"), new byte[0]));
    }

    private Response page(Request request) {
        String id = request.pathParam("id");
        if (!request.isGet()) {
            return methodNotAllowed();
        }
        try {
            return show(sessions.retrieve(id), null, 200);
        } catch (NoSuchCheckoutSessionException e) {
            return Response.html(404, CheckoutPage.notFound(id));
        }
    }

    private Response action(Request request) {
        String id = request.pathParam("id");
        if (request.isGet()) {
            // A reload of a page rendered in answer to a POST (the decline page): show the session.
            return Response.seeOther(pagePath(id));
        }
        if (!request.isPost()) {
            return methodNotAllowed();
        }
        try {
            return act(id, request.pathParam("action"), request);
        } catch (NoSuchCheckoutSessionException e) {
            return Response.html(404, CheckoutPage.notFound(id));
        } catch (CheckoutSessionStateException e) {
            // A second tab, a double submit or an expiry in between: show where the session is now.
            return show(sessions.retrieve(id), null, CONFLICT);
        }
    }

    private Response notFound(Request request) {
        return Response.html(404, CheckoutPage.notFound(request.path().substring("/c/pay/".length())));
    }

    private Response act(String id, String action, Request request) {
        String email = request.formValue("email");
        switch (action) {
            case "pay":
                return Response.seeOther(
                        act(id, action, () -> payments.pay(id, email)).resolvedSuccessUrl());
            case "pay-later":
                return Response.seeOther(
                        act(id, action, () -> payments.payLater(id, email)).resolvedSuccessUrl());
            case "decline":
                CheckoutSession declined = actions.run(
                        action,
                        id,
                        sessions.labelsOf(id),
                        () -> payments.decline(id),
                        session -> "card declined, " + summary(session));
                return show(declined, PageNotice.error("Your card was declined."), DECLINED);
            case "cancel":
                return cancel(actions.run(
                        action,
                        id,
                        sessions.labelsOf(id),
                        () -> sessions.retrieve(id),
                        session -> "left for the cancel_url, " + summary(session)));
            case "settle":
                act(id, action, () -> payments.settleAsyncPayment(id));
                return Response.seeOther(pagePath(id));
            case "fail":
                act(id, action, () -> payments.failAsyncPayment(id));
                return Response.seeOther(pagePath(id));
            default:
                return Response.html(404, CheckoutPage.notFound(id + "/" + action));
        }
    }

    private CheckoutSession act(String id, String action, Supplier<CheckoutSession> change) {
        return actions.run(action, id, sessions.labelsOf(id), change, HostedCheckoutHandler::summary);
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
    private static Response cancel(CheckoutSession session) {
        if (session.cancelUrl() == null) {
            return show(session, PageNotice.info("This checkout has no page to return to."), 200);
        }
        return Response.seeOther(session.cancelUrl());
    }

    private static Response show(CheckoutSession session, PageNotice notice, int status) {
        PageNotice shown = notice != null ? notice : CheckoutPage.stateNotice(session);
        return Response.html(status, CheckoutPage.render(session, shown));
    }

    private static Response methodNotAllowed() {
        return Response.text(405, "Method not allowed");
    }

    /** Relative, so redirects work whatever address (publicBaseUrl, a proxy) the browser used. */
    private static String pagePath(String id) {
        return "/c/pay/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
