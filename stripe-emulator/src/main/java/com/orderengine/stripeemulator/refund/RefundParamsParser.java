package com.orderengine.stripeemulator.refund;

import com.orderengine.stripeemulator.http.MetadataParser;
import com.orderengine.stripeemulator.http.Params;
import com.orderengine.stripeemulator.http.StripeErrorException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns the parameters of {@code POST /v1/refunds} into a {@link NewRefund}, rejecting what Stripe
 * rejects with errors that name the offending parameter. Whether the payment exists and has enough left
 * is the service's business.
 */
public final class RefundParamsParser {

    private static final Set<String> PARAMS =
            Set.of("payment_intent", "charge", "amount", "reason", "metadata", "expand");

    private RefundParamsParser() {}

    public static NewRefund parse(Params params) {
        params.rejectUnknown(PARAMS);
        params.list("expand"); // accepted for shape only: a refund's ids stay ids
        String paymentIntent = params.string("payment_intent").orElse(null);
        String charge = params.string("charge").orElse(null);
        if (paymentIntent == null && charge == null) {
            throw StripeErrorException.invalidRequest(
                    "One of the following params should be provided for this " + "request: payment_intent or charge.",
                    null,
                    "parameter_missing");
        }
        if (paymentIntent != null && charge != null) {
            throw StripeErrorException.invalidRequest(
                    "You may only specify one of these parameters: charge, payment_intent.",
                    "charge",
                    "parameters_exclusive");
        }
        Long amount = amount(params);
        RefundReason reason = reason(params);
        Map<String, String> metadata = MetadataParser.parse(params, "metadata");
        return new NewRefund(paymentIntent, charge, amount, reason, metadata);
    }

    private static Long amount(Params params) {
        OptionalLong amount = params.integer("amount");
        if (amount.isEmpty()) {
            return null;
        }
        if (amount.getAsLong() < 1) {
            throw StripeErrorException.invalidRequest(
                    "This value must be greater than or equal to 1.", "amount", "parameter_invalid_integer");
        }
        return amount.getAsLong();
    }

    private static RefundReason reason(Params params) {
        return params.string("reason")
                .map(value -> RefundReason.fromWireName(value)
                        .orElseThrow(() -> StripeErrorException.invalidRequest(
                                "Invalid reason: must be one of duplicate, fraudulent, or " + "requested_by_customer",
                                "reason")))
                .orElse(null);
    }
}
