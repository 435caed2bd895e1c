package com.orderengine.stripeemulator.checkout;

import com.orderengine.stripeemulator.http.ListPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders Checkout Sessions and their line items as Stripe's JSON objects. Fields the emulator
 * does not model are present with Stripe's neutral values so clients see the usual shape.
 */
public final class CheckoutSessionJson {

    private CheckoutSessionJson() {}

    /** The session as {@code GET /v1/checkout/sessions/{id}} shows it, and as events carry it. */
    public static Map<String, Object> session(CheckoutSession session) {
        return session(session, null);
    }

    /** {@code expandedLineItems} non-null puts the {@code line_items} list in, as {@code expand[]} asks. */
    public static Map<String, Object> session(CheckoutSession session, ListPage<CheckoutLineItem> expandedLineItems) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", session.id());
        json.put("object", "checkout.session");
        json.put("after_expiration", null);
        json.put("allow_promotion_codes", null);
        json.put("amount_subtotal", session.amountTotal());
        json.put("amount_total", session.amountTotal());
        json.put("automatic_tax", automaticTax());
        json.put("billing_address_collection", null);
        json.put("cancel_url", session.cancelUrl());
        json.put("client_reference_id", session.clientReferenceId());
        json.put("client_secret", null);
        json.put("created", session.created());
        json.put("currency", session.currency());
        json.put("custom_fields", List.of());
        json.put("customer", null);
        json.put("customer_creation", "if_required");
        json.put("customer_details", session.paymentIntent() == null ? null : customerDetails(session));
        json.put("customer_email", session.customerEmail());
        json.put("expires_at", session.expiresAt());
        json.put("invoice", null);
        if (expandedLineItems != null) {
            json.put("line_items", lineItemList(session, expandedLineItems));
        }
        json.put("livemode", false);
        json.put("locale", null);
        json.put("metadata", session.metadata());
        json.put("mode", session.mode());
        json.put("payment_intent", session.paymentIntent());
        json.put("payment_link", null);
        json.put("payment_method_collection", "if_required");
        json.put("payment_method_types", List.of("card"));
        json.put("payment_status", session.paymentStatus().wireName());
        json.put("recovered_from", null);
        json.put("setup_intent", null);
        json.put("shipping_address_collection", null);
        json.put("shipping_cost", null);
        json.put("shipping_options", List.of());
        json.put("status", session.status().wireName());
        json.put("submit_type", null);
        json.put("subscription", null);
        json.put("success_url", session.successUrl());
        json.put("total_details", totalDetails());
        json.put("ui_mode", "hosted");
        // Stripe only shows the hosted page's URL while the session can still be paid.
        json.put("url", session.isOpen() ? session.url() : null);
        return json;
    }

    public static Map<String, Object> lineItemList(CheckoutSession session, ListPage<CheckoutLineItem> page) {
        List<Object> data = new ArrayList<>();
        for (CheckoutLineItem item : page.items()) {
            data.add(lineItem(item, session.created()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("object", "list");
        json.put("data", data);
        json.put("has_more", page.hasMore());
        json.put("url", "/v1/checkout/sessions/" + session.id() + "/line_items");
        return json;
    }

    private static Map<String, Object> lineItem(CheckoutLineItem item, long created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("object", "item");
        json.put("amount_discount", 0);
        json.put("amount_subtotal", item.amountTotal());
        json.put("amount_tax", 0);
        json.put("amount_total", item.amountTotal());
        json.put("currency", item.currency());
        // Stripe describes a line by its product's name.
        json.put("description", item.name());
        json.put("price", price(item, created));
        json.put("quantity", item.quantity());
        return json;
    }

    private static Map<String, Object> price(CheckoutLineItem item, long created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.priceId());
        json.put("object", "price");
        json.put("active", false);
        json.put("billing_scheme", "per_unit");
        json.put("created", created);
        json.put("currency", item.currency());
        json.put("custom_unit_amount", null);
        json.put("livemode", false);
        json.put("lookup_key", null);
        json.put("metadata", Map.of());
        json.put("nickname", null);
        json.put("product", item.productId());
        json.put("recurring", null);
        json.put("tax_behavior", "unspecified");
        json.put("tiers_mode", null);
        json.put("transform_quantity", null);
        json.put("type", "one_time");
        json.put("unit_amount", item.unitAmount());
        json.put("unit_amount_decimal", Long.toString(item.unitAmount()));
        return json;
    }

    private static Map<String, Object> customerDetails(CheckoutSession session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", null);
        json.put("email", session.payerEmail());
        json.put("name", null);
        json.put("phone", null);
        json.put("tax_exempt", "none");
        json.put("tax_ids", List.of());
        return json;
    }

    private static Map<String, Object> automaticTax() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", false);
        json.put("liability", null);
        json.put("status", null);
        return json;
    }

    private static Map<String, Object> totalDetails() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("amount_discount", 0);
        json.put("amount_shipping", 0);
        json.put("amount_tax", 0);
        return json;
    }
}
