package com.orderengine.stripeemulator.checkout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Holds Checkout Sessions in creation order. Every method is atomic; {@link #update} runs its
 * change under the store's lock, so a read-check-write on one session cannot interleave with another.
 */
public final class CheckoutSessionStore {

    private final Map<String, CheckoutSession> sessions = new LinkedHashMap<>();

    public synchronized void insert(CheckoutSession session) {
        if (sessions.putIfAbsent(session.id(), session) != null) {
            throw new IllegalStateException("Duplicate checkout session id " + session.id());
        }
    }

    public synchronized Optional<CheckoutSession> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /**
     * Replaces the session with {@code change.apply(current)}; empty if there is no such session.
     * An exception from {@code change} leaves the session as it was.
     */
    public synchronized Optional<CheckoutSession> update(String id, UnaryOperator<CheckoutSession> change) {
        CheckoutSession current = sessions.get(id);
        if (current == null) {
            return Optional.empty();
        }
        CheckoutSession next = change.apply(current);
        if (!next.id().equals(id)) {
            throw new IllegalArgumentException("A session's id cannot change");
        }
        sessions.put(id, next);
        return Optional.of(next);
    }

    public synchronized List<CheckoutSession> all() {
        return new ArrayList<>(sessions.values());
    }

    public synchronized int size() {
        return sessions.size();
    }
}
