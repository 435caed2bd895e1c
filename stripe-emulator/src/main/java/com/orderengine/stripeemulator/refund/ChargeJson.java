package com.orderengine.stripeemulator.refund;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders charges as Stripe's {@code charge} object, as {@code charge.refunded} events carry it. A charge
 * here is always a captured card payment that succeeded; what the emulator does not model (cards,
 * balance transactions, outcome) is present with Stripe's neutral values so clients see the usual shape.
 */
public final class ChargeJson {

    private ChargeJson() {}

    public static Map<String, Object> charge(Charge charge) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", charge.id());
        json.put("object", "charge");
        json.put("amount", charge.amount());
        json.put("amount_captured", charge.amount());
        json.put("amount_refunded", charge.amountRefunded());
        json.put("balance_transaction", null);
        json.put("billing_details", billingDetails());
        json.put("captured", true);
        json.put("created", charge.created());
        json.put("currency", charge.currency());
        json.put("customer", null);
        json.put("description", null);
        json.put("disputed", false);
        json.put("failure_code", null);
        json.put("failure_message", null);
        json.put("livemode", false);
        json.put("metadata", charge.metadata());
        json.put("paid", true);
        json.put("payment_intent", charge.paymentIntent());
        json.put("payment_method", null);
        json.put("receipt_email", null);
        // Stripe sets this only once nothing is left to refund; a partial refund leaves it false.
        json.put("refunded", charge.isFullyRefunded());
        json.put("status", "succeeded");
        return json;
    }

    private static Map<String, Object> billingDetails() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", null);
        json.put("email", null);
        json.put("name", null);
        json.put("phone", null);
        return json;
    }
}
