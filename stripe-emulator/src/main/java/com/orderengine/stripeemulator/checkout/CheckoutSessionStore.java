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
 * {@code onChange} runs (under the lock, so it must not block) after anything stored has changed.
 */
public final class CheckoutSessionStore {

    private final Map<String, CheckoutSession> sessions = new LinkedHashMap<>();
    private final Runnable onChange;

    public CheckoutSessionStore() {
        this(() -> {});
    }

    public CheckoutSessionStore(Runnable onChange) {
        this.onChange = onChange;
    }

    public synchronized void insert(CheckoutSession session) {
        if (sessions.putIfAbsent(session.id(), session) != null) {
            throw new IllegalStateException("Duplicate checkout session id " + session.id());
        }
        onChange.run();
    }

    /** Puts back sessions loaded from disk, in their original order. */
    public synchronized void restore(List<CheckoutSession> restored) {
        for (CheckoutSession session : restored) {
            sessions.put(session.id(), session);
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
        if (!next.equals(current)) {
            sessions.put(id, next);
            onChange.run();
        }
        return Optional.of(next);
    }

    public synchronized List<CheckoutSession> all() {
        return new ArrayList<>(sessions.values());
    }

    public synchronized int size() {
        return sessions.size();
    }
}
