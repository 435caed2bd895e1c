package com.orderengine.stripeemulator.checkout;

import java.util.List;
import java.util.Map;

/** A validated request to create a Checkout Session ({@code expiresAt} null means the 24-hour default). */
public record NewCheckoutSession(
        String mode,
        String successUrl,
        String cancelUrl,
        List<LineItem> lineItems,
        Map<String, String> metadata,
        Map<String, String> paymentIntentMetadata,
        String clientReferenceId,
        String customerEmail,
        Long expiresAt) {

    public NewCheckoutSession {
        lineItems = List.copyOf(lineItems);
        metadata = Map.copyOf(metadata);
        paymentIntentMetadata = Map.copyOf(paymentIntentMetadata);
    }

    /** A line given inline with {@code price_data}. */
    public record LineItem(String name, String description, long unitAmount, long quantity, String currency) {}
}
