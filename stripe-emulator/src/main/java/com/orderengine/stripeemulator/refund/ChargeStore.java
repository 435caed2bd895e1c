package com.orderengine.stripeemulator.refund;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Charges in creation order, at most one per PaymentIntent. Every method is atomic; {@code onChange}
 * runs (under the lock, so it must not block) after anything stored has changed.
 */
public final class ChargeStore {

    private final Map<String, Charge> charges = new LinkedHashMap<>();
    private final Runnable onChange;

    public ChargeStore(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Adds the charge unless its PaymentIntent already has one: a PaymentIntent is charged once. */
    public synchronized boolean addIfUncharged(Charge charge) {
        if (findByPaymentIntent(charge.paymentIntent()).isPresent()) {
            return false;
        }
        if (charges.putIfAbsent(charge.id(), charge) != null) {
            throw new IllegalStateException("Duplicate charge id " + charge.id());
        }
        onChange.run();
        return true;
    }

    /** Puts back charges loaded from disk, in their original order. */
    public synchronized void restore(List<Charge> restored) {
        for (Charge charge : restored) {
            charges.put(charge.id(), charge);
        }
    }

    public synchronized Optional<Charge> find(String id) {
        return Optional.ofNullable(charges.get(id));
    }

    public synchronized Optional<Charge> findByPaymentIntent(String paymentIntent) {
        if (paymentIntent == null) {
            return Optional.empty();
        }
        return charges.values().stream()
                .filter(charge -> charge.paymentIntent().equals(paymentIntent))
                .findFirst();
    }

    /** Replaces the charge with {@code change.apply(current)}; empty if there is no such charge. */
    public synchronized Optional<Charge> update(String id, UnaryOperator<Charge> change) {
        Charge current = charges.get(id);
        if (current == null) {
            return Optional.empty();
        }
        Charge next = change.apply(current);
        if (!next.id().equals(id)) {
            throw new IllegalArgumentException("A charge's id cannot change");
        }
        if (!next.equals(current)) {
            charges.put(id, next);
            onChange.run();
        }
        return Optional.of(next);
    }

    public synchronized List<Charge> all() {
        return new ArrayList<>(charges.values());
    }
}
