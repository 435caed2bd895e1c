package com.orderengine.stripeemulator.operator;

import com.orderengine.stripeemulator.api.LabelLookup;
import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.CheckoutSessionJson;
import com.orderengine.stripeemulator.checkout.CheckoutSessionService;
import com.orderengine.stripeemulator.checkout.NoSuchCheckoutSessionException;
import com.orderengine.stripeemulator.event.EventStore;
import com.orderengine.stripeemulator.event.NoSuchEventException;
import com.orderengine.stripeemulator.event.StripeEvent;
import com.orderengine.stripeemulator.http.Endpoint;
import com.orderengine.stripeemulator.http.Request;
import com.orderengine.stripeemulator.http.Response;
import com.orderengine.stripeemulator.http.Router;
import com.orderengine.stripeemulator.logging.ActionLog;
import com.orderengine.stripeemulator.logging.LogTagger;
import com.orderengine.stripeemulator.refund.NoSuchPaymentObjectException;
import com.orderengine.stripeemulator.refund.Refund;
import com.orderengine.stripeemulator.refund.RefundJson;
import com.orderengine.stripeemulator.refund.RefundRefusedException;
import com.orderengine.stripeemulator.refund.RefundService;
import com.orderengine.stripeemulator.webhook.DeliveryLog;
import com.orderengine.stripeemulator.webhook.WebhookDeliveries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * The operator interface under {@code /_emulator/}: an HTML overview with Expire, Refund and Redeliver
 * buttons, and the same as JSON under {@code /_emulator/api/}. It takes no API key: the emulator is
 * meant to listen on loopback only. Each action is logged in one INFO line, tagged with its object's labels.
 */
public final class OperatorHandler {

    static final String ROOT = "/_emulator";

    private final CheckoutSessionService sessions;
    private final RefundService refunds;
    private final EventStore events;
    private final DeliveryLog deliveryLog;
    private final WebhookDeliveries deliveries;
    private final OperatorSettings settings;
    private final LabelLookup labels;
    private final ActionLog actions;

    public OperatorHandler(
            CheckoutSessionService sessions,
            RefundService refunds,
            EventStore events,
            DeliveryLog deliveryLog,
            WebhookDeliveries deliveries,
            OperatorSettings settings,
            LabelLookup labels,
            LogTagger tagger) {
        this.sessions = sessions;
        this.refunds = refunds;
        this.events = events;
        this.deliveryLog = deliveryLog;
        this.deliveries = deliveries;
        this.settings = settings;
        this.labels = labels;
        this.actions = new ActionLog(LoggerFactory.getLogger(OperatorHandler.class), "Operator", tagger);
    }

    public void registerOn(Router router) {
        String api = ROOT + "/api";
        router.add("GET", ROOT, this::overview)
                .add("GET", ROOT + "/", this::overview)
                .add("POST", ROOT + "/events/{id}/redeliver", page(this::redeliver))
                .add("POST", ROOT + "/sessions/{id}/expire", page(this::expire))
                .add("POST", ROOT + "/sessions/{id}/refund", page(this::refundInFull))
                .fallback(ROOT, request -> notFound())
                .add(
                        "GET",
                        api + "/sessions",
                        request -> Response.json(200, OperatorJson.sessions(sessions.list(), refunds::chargeOf)))
                .add(
                        "GET",
                        api + "/refunds",
                        request -> Response.json(200, OperatorJson.refunds(refunds.newestFirst())))
                .add("GET", api + "/events", request -> Response.json(200, eventsJson()))
                .add(
                        "POST",
                        api + "/events/{id}/redeliver",
                        json(
                                this::redeliver,
                                event -> Response.json(202, Map.of("event_id", event.id(), "redelivery", "scheduled"))))
                .add(
                        "POST",
                        api + "/sessions/{id}/expire",
                        json(this::expire, session -> Response.json(200, CheckoutSessionJson.session(session))))
                .add(
                        "POST",
                        api + "/sessions/{id}/refund",
                        json(this::refundInFull, refund -> Response.json(200, RefundJson.refund(refund))))
                .fallback(
                        api + "/",
                        request -> Response.json(
                                404,
                                OperatorJson.error("No operator endpoint " + request.method() + " " + request.path())));
    }

    private Response overview(Request request) {
        String html = OperatorPage.render(
                settings,
                sessions.list(),
                refunds::chargeOf,
                refunds.newestFirst(),
                events.newestFirst(),
                deliveries::status,
                deliveryLog::forEvent);
        return Response.html(200, html);
    }

    private Map<String, Object> eventsJson() {
        List<Object> data = new ArrayList<>();
        for (StripeEvent event : events.newestFirst()) {
            data.add(OperatorJson.event(event, deliveries.status(event.id()), deliveryLog.forEvent(event.id())));
        }
        return OperatorJson.list(data);
    }

    /** A button on the overview: the action on the path's {@code id}, then back to the overview. */
    private static Endpoint page(Function<String, ?> action) {
        return request -> {
            try {
                action.apply(request.pathParam("id"));
                return Response.seeOther(ROOT + "/");
            } catch (NoSuchCheckoutSessionException | NoSuchEventException | NoSuchPaymentObjectException e) {
                return Response.text(404, e.getMessage());
            } catch (IllegalStateException e) {
                // Not open (expire), nothing left to refund (refund), or no webhook URL (redeliver).
                return Response.text(409, e.getMessage());
            }
        };
    }

    /** The same actions as JSON endpoints. */
    private static <T> Endpoint json(Function<String, T> action, Function<T, Response> answer) {
        return request -> {
            try {
                return answer.apply(action.apply(request.pathParam("id")));
            } catch (NoSuchCheckoutSessionException | NoSuchEventException | NoSuchPaymentObjectException e) {
                return Response.json(404, OperatorJson.error(e.getMessage()));
            } catch (IllegalStateException e) {
                return Response.json(409, OperatorJson.error(e.getMessage()));
            }
        };
    }

    private StripeEvent redeliver(String eventId) {
        return actions.run(
                "redeliver",
                eventId,
                labels.ofEventId(eventId),
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
                labels.ofSessionId(sessionId),
                () -> sessions.expire(sessionId),
                session -> session.status().wireName());
    }

    /** The dashboard's "Refund payment" for the session's PaymentIntent: all that is left of its charge. */
    private Refund refundInFull(String sessionId) {
        return actions.run(
                "refund",
                sessionId,
                labels.ofSessionId(sessionId),
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

    private static Response notFound() {
        return Response.text(404, "Not found. The operator page is " + ROOT + "/");
    }
}
