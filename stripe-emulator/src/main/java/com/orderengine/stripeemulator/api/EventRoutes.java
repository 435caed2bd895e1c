package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.event.EventJson;
import com.orderengine.stripeemulator.event.EventStore;
import com.orderengine.stripeemulator.event.StripeEvent;
import com.orderengine.stripeemulator.http.ListPage;
import com.orderengine.stripeemulator.http.Params;
import com.orderengine.stripeemulator.http.Request;
import com.orderengine.stripeemulator.http.StripeErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code GET /v1/events/{id}} and {@code GET /v1/events}, newest first as Stripe lists them. */
final class EventRoutes {

    private static final Set<String> EXPAND_ONLY = Set.of("expand");
    private static final Set<String> LIST_PARAMS =
            Set.of("expand", "limit", "starting_after", "ending_before", "type", "types");

    private final EventStore events;
    private final LabelLookup labels;

    EventRoutes(EventStore events, LabelLookup labels) {
        this.events = events;
        this.labels = labels;
    }

    void registerOn(StripeApi api) {
        api.add("GET", "/v1/events/{id}", null, this::retrieve, request -> labels.ofEventId(request.pathParam("id")))
                .add("GET", "/v1/events", null, this::list);
    }

    private ApiResponse retrieve(Request request) {
        Params.root(request.params()).rejectUnknown(EXPAND_ONLY);
        String id = request.pathParam("id");
        StripeEvent event = events.find(id).orElseThrow(() -> StripeErrorException.resourceMissing("event", id, "id"));
        return ApiResponse.ok(EventJson.event(event));
    }

    private ApiResponse list(Request request) {
        Params params = Params.root(request.params());
        params.rejectUnknown(LIST_PARAMS);
        Predicate<StripeEvent> wanted = typeFilter(params);
        List<StripeEvent> matching =
                events.newestFirst().stream().filter(wanted).toList();
        return ApiResponse.ok(EventJson.list(ListPage.select(matching, StripeEvent::id, "event", params)));
    }

    /** {@code type} (with Stripe's trailing wildcard, as in {@code checkout.session.*}) or {@code types[]}. */
    private static Predicate<StripeEvent> typeFilter(Params params) {
        String type = params.string("type").orElse(null);
        List<Object> types = params.list("types").orElse(List.of());
        if (type != null && !types.isEmpty()) {
            throw StripeErrorException.invalidRequest(
                    "You may only specify one of these parameters: type, types.", "type", "parameters_exclusive");
        }
        List<String> patterns = new ArrayList<>();
        if (type != null) {
            patterns.add(type);
        }
        types.forEach(t -> patterns.add(String.valueOf(t)));
        if (patterns.isEmpty()) {
            return event -> true;
        }
        return event -> patterns.stream().anyMatch(pattern -> matches(pattern, event.type()));
    }

    private static boolean matches(String pattern, String type) {
        if (pattern.endsWith("*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return type.equals(pattern);
    }
}
