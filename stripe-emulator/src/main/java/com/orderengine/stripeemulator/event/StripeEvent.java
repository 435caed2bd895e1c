package com.orderengine.stripeemulator.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Stripe event: what happened ({@code type}) and the object as it was right after, rendered once
 * and kept, so the event (and every redelivery of it) shows that moment and not the object's later state.
 *
 * @param pendingWebhooks what Stripe shows in {@code pending_webhooks}: 1 when an endpoint was configured
 */
public record StripeEvent(
        String id, String type, long created, String apiVersion, int pendingWebhooks, Map<String, Object> dataObject) {

    public StripeEvent {
        dataObject = Collections.unmodifiableMap(new LinkedHashMap<>(dataObject));
    }

    /** The id of the object the event is about ({@code cs_…}, {@code ch_…}, {@code re_…}). */
    public String objectId() {
        Object id = dataObject.get("id");
        return id == null ? null : id.toString();
    }
}
