package com.orderengine.stripeemulator.operator;

import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.CheckoutSessionService;
import com.orderengine.stripeemulator.checkout.NoSuchCheckoutSessionException;
import com.orderengine.stripeemulator.event.EventStore;
import com.orderengine.stripeemulator.event.NoSuchEventException;
import com.orderengine.stripeemulator.event.StripeEvent;
import com.orderengine.stripeemulator.http.OrderLookup;
import com.orderengine.stripeemulator.json.CheckoutSessionJson;
import com.orderengine.stripeemulator.json.RefundJson;
import com.orderengine.stripeemulator.refund.NoSuchPaymentObjectException;
import com.orderengine.stripeemulator.refund.Refund;
import com.orderengine.stripeemulator.refund.RefundRefusedException;
import com.orderengine.stripeemulator.refund.RefundService;
import com.orderengine.stripeemulator.support.ActionLog;
import com.orderengine.stripeemulator.web.WebHandler;
import com.orderengine.stripeemulator.web.WebRequest;
import com.orderengine.stripeemulator.web.WebResponse;
import com.orderengine.stripeemulator.webhook.DeliveryLog;
import com.orderengine.stripeemulator.webhook.WebhookDeliveries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The operator interface under {@code /_emulator/}: an HTML overview with Expire, Refund and Redeliver
 * buttons, and the same as JSON under {@code /_emulator/api/}. It takes no API key: the emulator is
 * meant to listen on loopback only. Each action is logged in one INFO line, with its order in the MDC.
 */
public final class OperatorHandler implements WebHandler {

    static final String ROOT = "_emulator";

    private final CheckoutSessionService sessions;
    private final RefundService refunds;
    private final EventStore events;
    private final DeliveryLog deliveryLog;
    private final WebhookDeliveries deliveries;
    private final OperatorSettings settings;
    private final OrderLookup orders;
    private final ActionLog actions = new ActionLog(LoggerFactory.getLogger(OperatorHandler.class), "Operator");

    public OperatorHandler(
            CheckoutSessionService sessions,
            RefundService refunds,
            EventStore events,
            DeliveryLog deliveryLog,
            WebhookDeliveries deliveries,
            OperatorSettings settings,
            OrderLookup orders) {
        this.sessions = sessions;
        this.refunds = refunds;
        this.events = events;
        this.deliveryLog = deliveryLog;
        this.deliveries = deliveries;
        this.settings = settings;
        this.orders = orders;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        List<String> path = request.segments();
        if (path.isEmpty() || !path.get(0).equals(ROOT)) {
            return notFound();
        }
        List<String> rest = path.subList(1, path.size());
        boolean api = !rest.isEmpty() && rest.get(0).equals("api");
        List<String> route = api ? rest.subList(1, rest.size()) : rest;
        try {
            return api ? api(request, route) : page(request, route);
        } catch (NoSuchCheckoutSessionException | NoSuchEventException | NoSuchPaymentObjectException e) {
            return api
                    ? WebResponse.json(404, OperatorJson.error(e.getMessage()))
                    : WebResponse.text(404, e.getMessage());
        } catch (IllegalStateException e) {
            // Not open (expire), nothing left to refund (refund), or no webhook URL (redeliver).
            return api
                    ? WebResponse.json(409, OperatorJson.error(e.getMessage()))
                    : WebResponse.text(409, e.getMessage());
        }
    }

    private WebResponse api(WebRequest request, List<String> route) {
        if (request.isGet() && route.equals(List.of("sessions"))) {
            return WebResponse.json(200, OperatorJson.sessions(sessions.list(), refunds::chargeOf));
        }
        if (request.isGet() && route.equals(List.of("refunds"))) {
            return WebResponse.json(200, OperatorJson.refunds(refunds.newestFirst()));
        }
        if (request.isGet() && route.equals(List.of("events"))) {
            List<Object> data = new ArrayList<>();
            for (StripeEvent event : events.newestFirst()) {
                data.add(OperatorJson.event(event, deliveries.status(event.id()), deliveryLog.forEvent(event.id())));
            }
            return WebResponse.json(200, OperatorJson.list(data));
        }
        if (request.isPost() && isAction(route, "events", "redeliver")) {
            StripeEvent event = redeliver(route.get(1));
            return WebResponse.json(202, Map.of("event_id", event.id(), "redelivery", "scheduled"));
        }
        if (request.isPost() && isAction(route, "sessions", "expire")) {
            return WebResponse.json(200, CheckoutSessionJson.session(expire(route.get(1))));
        }
        if (request.isPost() && isAction(route, "sessions", "refund")) {
            return WebResponse.json(200, RefundJson.refund(refundInFull(route.get(1))));
        }
        return WebResponse.json(
                404,
                OperatorJson.error(
                        "No operator endpoint " + request.method() + " /" + ROOT + "/api/" + String.join("/", route)));
    }

    private WebResponse page(WebRequest request, List<String> route) {
        if (request.isGet() && route.isEmpty()) {
            String html = OperatorPage.render(
                    settings,
                    sessions.list(),
                    refunds::chargeOf,
                    refunds.newestFirst(),
                    events.newestFirst(),
                    deliveries::status,
                    deliveryLog::forEvent);
            return WebResponse.html(200, html);
        }
        if (request.isPost() && isAction(route, "events", "redeliver")) {
            redeliver(route.get(1));
            return WebResponse.seeOther("/" + ROOT + "/");
        }
        if (request.isPost() && isAction(route, "sessions", "expire")) {
            expire(route.get(1));
            return WebResponse.seeOther("/" + ROOT + "/");
        }
        if (request.isPost() && isAction(route, "sessions", "refund")) {
            refundInFull(route.get(1));
            return WebResponse.seeOther("/" + ROOT + "/");
        }
        return notFound();
    }

    private StripeEvent redeliver(String eventId) {
        return actions.run(
                "redeliver",
                eventId,
                orders.ofEventId(eventId),
                () -> {
                    StripeEvent event = events.require(eventId);
                    deliveries.redeliver(event);
                    return event;
                },
                event -> event.type() + " scheduled");
    }

    private CheckoutSession expire(String sessionId) {
        return actions.run(
                "expire",
                sessionId,
                orders.ofSessionId(sessionId),
                () -> sessions.expire(sessionId),
                session -> session.status().wireName());
    }

    /** The dashboard's "Refund payment" for the session's PaymentIntent: all that is left of its charge. */
    private Refund refundInFull(String sessionId) {
        return actions.run(
                "refund",
                sessionId,
                orders.ofSessionId(sessionId),
                () -> {
                    CheckoutSession session = sessions.retrieve(sessionId);
                    if (session.paymentIntent() == null) {
                        throw new RefundRefusedException(
                                RefundRefusedException.Refusal.NO_SUCCESSFUL_CHARGE,
                                "Checkout Session " + sessionId + " has not been paid, so there is nothing to refund.");
                    }
                    return refunds.refundInFull(session.paymentIntent());
                },
                refund ->
                        refund.id() + " of " + refund.amount() + " " + refund.currency() + " from " + refund.charge());
    }

    private static boolean isAction(List<String> route, String collection, String action) {
        return route.size() == 3
                && route.get(0).equals(collection)
                && route.get(2).equals(action);
    }

    private static WebResponse notFound() {
        return WebResponse.text(404, "Not found. The operator page is /" + ROOT + "/");
    }
}
