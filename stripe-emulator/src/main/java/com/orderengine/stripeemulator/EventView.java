package com.orderengine.stripeemulator;

import com.orderengine.stripeemulator.event.EventJson;
import com.orderengine.stripeemulator.event.StripeEvent;

/**
 * A read-only view of an event for tests and tools.
 *
 * @param objectId the id of the object the event is about: the {@code cs_…} session, {@code ch_…} charge or
 *                 {@code re_…} refund
 * @param payload  the event's JSON exactly as POSTed to the webhook endpoint
 */
public record EventView(String id, String type, long created, String apiVersion, String objectId, String payload) {

    static EventView of(StripeEvent event) {
        return new EventView(
                event.id(),
                event.type(),
                event.created(),
                event.apiVersion(),
                event.objectId(),
                EventJson.payload(event));
    }
}
