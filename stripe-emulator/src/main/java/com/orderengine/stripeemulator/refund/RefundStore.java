package com.orderengine.stripeemulator.refund;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Refunds in creation order. {@code onChange} runs under the lock after a refund is added, so must not block. */
public final class RefundStore {

    private final Map<String, Refund> refunds = new LinkedHashMap<>();
    private final Runnable onChange;

    public RefundStore(Runnable onChange) {
        this.onChange = onChange;
    }

    public synchronized void add(Refund refund) {
        if (refunds.putIfAbsent(refund.id(), refund) != null) {
            throw new IllegalStateException("Duplicate refund id " + refund.id());
        }
        onChange.run();
    }

    /** Puts back refunds loaded from disk, in their original order. */
    public synchronized void restore(List<Refund> restored) {
        for (Refund refund : restored) {
            refunds.put(refund.id(), refund);
        }
    }

    public synchronized Optional<Refund> find(String id) {
        return Optional.ofNullable(refunds.get(id));
    }

    /** Oldest first. */
    public synchronized List<Refund> all() {
        return new ArrayList<>(refunds.values());
    }

    /** Newest first, as {@code GET /v1/refunds} lists them. */
    public List<Refund> newestFirst() {
        List<Refund> list = all();
        Collections.reverse(list);
        return list;
    }
}
