package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.fault.StripeOperation;
import com.orderengine.stripeemulator.http.ListPage;
import com.orderengine.stripeemulator.http.Params;
import com.orderengine.stripeemulator.http.Request;
import com.orderengine.stripeemulator.http.StripeErrorException;
import com.orderengine.stripeemulator.refund.NoSuchPaymentObjectException;
import com.orderengine.stripeemulator.refund.Refund;
import com.orderengine.stripeemulator.refund.RefundJson;
import com.orderengine.stripeemulator.refund.RefundParamsParser;
import com.orderengine.stripeemulator.refund.RefundRefusedException;
import com.orderengine.stripeemulator.refund.RefundService;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The {@code /v1/refunds} endpoints: parameters in, service call, Stripe JSON out. */
final class RefundRoutes {

    private static final Set<String> EXPAND_ONLY = Set.of("expand");
    private static final Set<String> LIST_PARAMS =
            Set.of("expand", "limit", "starting_after", "ending_before", "payment_intent", "charge");

    private final RefundService service;
    private final LabelLookup labels;

    RefundRoutes(RefundService service, LabelLookup labels) {
        this.service = service;
        this.labels = labels;
    }

    void registerOn(StripeApi api) {
        // Creating and listing name the payment_intent or charge (and maybe metadata) in parameters.
        LabelResolver fromParams = request -> labels.ofObject(request.params());
        api.add("POST", "/v1/refunds", StripeOperation.CREATE_REFUND, this::create, fromParams)
                .add(
                        "GET",
                        "/v1/refunds/{id}",
                        StripeOperation.RETRIEVE_REFUND,
                        this::retrieve,
                        request -> labels.ofRefundId(request.pathParam("id")))
                .add("GET", "/v1/refunds", StripeOperation.LIST_REFUNDS, this::list, fromParams);
    }

    private ApiResponse create(Request request) {
        Params params = Params.root(request.params());
        Refund refund;
        try {
            refund = service.create(RefundParamsParser.parse(params));
        } catch (NoSuchPaymentObjectException e) {
            // The missing object is named by the parameter that named it: payment_intent or charge.
            throw StripeErrorException.resourceMissing(e.objectName(), e.id(), e.objectName());
        } catch (RefundRefusedException e) {
            throw StripeErrorException.invalidRequest(
                    e.getMessage(), paramOf(e.refusal()), e.refusal().code());
        }
        return ApiResponse.ok(RefundJson.refund(refund));
    }

    private ApiResponse retrieve(Request request) {
        Params.root(request.params()).rejectUnknown(EXPAND_ONLY);
        String id = request.pathParam("id");
        Refund refund = service.find(id).orElseThrow(() -> StripeErrorException.resourceMissing("refund", id, "id"));
        return ApiResponse.ok(RefundJson.refund(refund));
    }

    private ApiResponse list(Request request) {
        Params params = Params.root(request.params());
        params.rejectUnknown(LIST_PARAMS);
        Predicate<Refund> wanted = filter(params);
        List<Refund> matching = service.newestFirst().stream().filter(wanted).toList();
        return ApiResponse.ok(RefundJson.list(ListPage.select(matching, Refund::id, "refund", params)));
    }

    /** {@code payment_intent} and {@code charge} narrow the list; an id nothing was refunded from lists nothing. */
    private static Predicate<Refund> filter(Params params) {
        String paymentIntent = params.string("payment_intent").orElse(null);
        String charge = params.string("charge").orElse(null);
        return refund -> (paymentIntent == null || paymentIntent.equals(refund.paymentIntent()))
                && (charge == null || charge.equals(refund.charge()));
    }

    private static String paramOf(RefundRefusedException.Refusal refusal) {
        return switch (refusal) {
            case NO_SUCCESSFUL_CHARGE -> "payment_intent";
            case AMOUNT_TOO_LARGE -> "amount";
            case ALREADY_REFUNDED -> null;
        };
    }
}
