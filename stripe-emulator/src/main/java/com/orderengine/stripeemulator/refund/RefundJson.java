package com.orderengine.stripeemulator.refund;

import com.orderengine.stripeemulator.http.ListPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders refunds as Stripe's {@code refund} objects and lists of them. */
public final class RefundJson {

    private RefundJson() {}

    /** The refund as {@code GET /v1/refunds/{id}} shows it, and as {@code refund.created} carries it. */
    public static Map<String, Object> refund(Refund refund) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", refund.id());
        json.put("object", "refund");
        json.put("amount", refund.amount());
        json.put("balance_transaction", null);
        json.put("charge", refund.charge());
        json.put("created", refund.created());
        json.put("currency", refund.currency());
        json.put("destination_details", null);
        json.put("metadata", refund.metadata());
        json.put("payment_intent", refund.paymentIntent());
        json.put("reason", refund.reason() == null ? null : refund.reason().wireName());
        json.put("receipt_number", null);
        json.put("source_transfer_reversal", null);
        // Card refunds in test mode succeed at once.
        json.put("status", "succeeded");
        json.put("transfer_reversal", null);
        return json;
    }

    public static Map<String, Object> list(ListPage<Refund> page) {
        List<Object> data = new ArrayList<>();
        for (Refund refund : page.items()) {
            data.add(refund(refund));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("object", "list");
        json.put("data", data);
        json.put("has_more", page.hasMore());
        json.put("url", "/v1/refunds");
        return json;
    }
}
