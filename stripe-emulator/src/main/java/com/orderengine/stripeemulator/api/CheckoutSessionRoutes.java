package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.checkout.CheckoutLineItem;
import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.CheckoutSessionJson;
import com.orderengine.stripeemulator.checkout.CheckoutSessionParamsParser;
import com.orderengine.stripeemulator.checkout.CheckoutSessionService;
import com.orderengine.stripeemulator.checkout.CheckoutSessionStateException;
import com.orderengine.stripeemulator.checkout.NoSuchCheckoutSessionException;
import com.orderengine.stripeemulator.fault.StripeOperation;
import com.orderengine.stripeemulator.http.ListPage;
import com.orderengine.stripeemulator.http.Params;
import com.orderengine.stripeemulator.http.Request;
import com.orderengine.stripeemulator.http.StripeErrorException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The {@code /v1/checkout/sessions} endpoints: parameters in, service call, Stripe JSON out. */
final class CheckoutSessionRoutes {

    private static final Set<String> EXPAND_ONLY = Set.of("expand");
    private static final Set<String> LIST_PARAMS = Set.of("expand", "limit", "starting_after", "ending_before");

    private final CheckoutSessionService service;
    private final CheckoutSessionParamsParser parser;
    private final LabelLookup labels;

    CheckoutSessionRoutes(CheckoutSessionService service, CheckoutSessionParamsParser parser, LabelLookup labels) {
        this.service = service;
        this.parser = parser;
        this.labels = labels;
    }

    void registerOn(StripeApi api) {
        // A create names its labels in its parameters; the others act on a session that has them.
        LabelResolver fromParams = request -> labels.ofObject(request.params());
        LabelResolver ofSession = request -> labels.ofSessionId(request.pathParam("id"));
        api.add("POST", "/v1/checkout/sessions", StripeOperation.CREATE_CHECKOUT_SESSION, this::create, fromParams)
                .add(
                        "GET",
                        "/v1/checkout/sessions/{id}",
                        StripeOperation.RETRIEVE_CHECKOUT_SESSION,
                        this::retrieve,
                        ofSession)
                .add(
                        "POST",
                        "/v1/checkout/sessions/{id}/expire",
                        StripeOperation.EXPIRE_CHECKOUT_SESSION,
                        this::expire,
                        ofSession)
                .add("GET", "/v1/checkout/sessions/{id}/line_items", null, this::listLineItems, ofSession);
    }

    private ApiResponse create(Request request) {
        Params params = Params.root(request.params());
        CheckoutSession session = service.create(parser.parse(params));
        return render(session, params);
    }

    private ApiResponse retrieve(Request request) {
        Params params = Params.root(request.params());
        params.rejectUnknown(EXPAND_ONLY);
        String id = request.pathParam("id");
        return render(call(() -> service.retrieve(id)), params);
    }

    private ApiResponse expire(Request request) {
        Params params = Params.root(request.params());
        params.rejectUnknown(EXPAND_ONLY);
        String id = request.pathParam("id");
        return render(call(() -> service.expire(id)), params);
    }

    private ApiResponse listLineItems(Request request) {
        Params params = Params.root(request.params());
        params.rejectUnknown(LIST_PARAMS);
        CheckoutSession session = call(() -> service.retrieve(request.pathParam("id")));
        ListPage<CheckoutLineItem> page =
                ListPage.select(session.lineItems(), CheckoutLineItem::id, "line item", params);
        return ApiResponse.ok(CheckoutSessionJson.lineItemList(session, page));
    }

    /** Only {@code line_items} is expandable; other expansions are accepted and leave ids in place. */
    private static ApiResponse render(CheckoutSession session, Params params) {
        List<Object> expand = params.list("expand").orElse(List.of());
        ListPage<CheckoutLineItem> lineItems =
                expand.contains("line_items") ? ListPage.first(session.lineItems()) : null;
        return ApiResponse.ok(CheckoutSessionJson.session(session, lineItems));
    }

    private static CheckoutSession call(Supplier<CheckoutSession> action) {
        try {
            return action.get();
        } catch (NoSuchCheckoutSessionException e) {
            throw StripeErrorException.resourceMissing("checkout.session", e.sessionId(), "session");
        } catch (CheckoutSessionStateException e) {
            throw StripeErrorException.invalidRequest(e.getMessage(), null);
        }
    }
}
