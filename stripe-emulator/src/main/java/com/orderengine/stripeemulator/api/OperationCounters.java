package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.fault.StripeOperation;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** How many requests reached each operation, faulted and replayed ones included. */
public final class OperationCounters {

    private final Map<StripeOperation, AtomicInteger> counts = new EnumMap<>(StripeOperation.class);

    public OperationCounters() {
        for (StripeOperation op : StripeOperation.values()) {
            counts.put(op, new AtomicInteger());
        }
    }

    void increment(StripeOperation op) {
        counts.get(op).incrementAndGet();
    }

    public int count(StripeOperation op) {
        return counts.get(op).get();
    }
}
