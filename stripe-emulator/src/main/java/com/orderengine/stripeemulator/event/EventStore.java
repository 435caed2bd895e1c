package com.orderengine.stripeemulator.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Events in creation order. {@code onChange} runs under the lock after an event is added, so must not block. */
public final class EventStore {

    private final Map<String, StripeEvent> events = new LinkedHashMap<>();
    private final Runnable onChange;

    public EventStore(Runnable onChange) {
        this.onChange = onChange;
    }

    public synchronized void add(StripeEvent event) {
        if (events.putIfAbsent(event.id(), event) != null) {
            throw new IllegalStateException("Duplicate event id " + event.id());
        }
        onChange.run();
    }

    /** Puts back events loaded from disk, in their original order. */
    public synchronized void restore(List<StripeEvent> restored) {
        for (StripeEvent event : restored) {
            events.put(event.id(), event);
        }
    }

    public synchronized Optional<StripeEvent> find(String id) {
        return Optional.ofNullable(events.get(id));
    }

    public StripeEvent require(String id) {
        return find(id).orElseThrow(() -> new NoSuchEventException(id));
    }

    /** Oldest first. */
    public synchronized List<StripeEvent> all() {
        return new ArrayList<>(events.values());
    }

    /** Newest first, as {@code GET /v1/events} lists them. */
    public List<StripeEvent> newestFirst() {
        List<StripeEvent> list = all();
        Collections.reverse(list);
        return list;
    }
}
