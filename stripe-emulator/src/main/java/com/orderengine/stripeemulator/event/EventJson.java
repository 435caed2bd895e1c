package com.orderengine.stripeemulator.event;

import com.orderengine.stripeemulator.http.Json;
import com.orderengine.stripeemulator.http.ListPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders events as Stripe's {@code event} objects and lists of them. */
public final class EventJson {

    private EventJson() {}

    public static Map<String, Object> event(StripeEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("object", event.dataObject());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("object", "event");
        json.put("api_version", event.apiVersion());
        json.put("created", event.created());
        json.put("data", data);
        json.put("livemode", false);
        json.put("pending_webhooks", event.pendingWebhooks());
        json.put("request", request);
        json.put("type", event.type());
        return json;
    }

    /** The exact body POSTed to the webhook endpoint, the same text on every delivery of the event. */
    public static String payload(StripeEvent event) {
        return Json.writeString(event(event));
    }

    public static Map<String, Object> list(ListPage<StripeEvent> page) {
        List<Object> data = new ArrayList<>();
        for (StripeEvent event : page.items()) {
            data.add(event(event));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("object", "list");
        json.put("data", data);
        json.put("has_more", page.hasMore());
        json.put("url", "/v1/events");
        return json;
    }
}
