package com.orderengine.stripeemulator.logging;

import java.util.Map;

/**
 * What the caller wrote on a Stripe object to know it again: the Checkout Session's
 * {@code client_reference_id} (null on other objects) and the object's metadata.
 */
public record ObjectLabels(String clientReferenceId, Map<String, String> metadata) {

    public ObjectLabels {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static ObjectLabels metadataOnly(Map<String, String> metadata) {
        return new ObjectLabels(null, metadata);
    }
}
