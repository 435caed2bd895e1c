package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.http.StripeErrorException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Stripe's idempotency keys: the first successful response for a key is stored with the request's
 * signature and replayed for later requests with the same key. Requests sharing a key run one at a
 * time, so two concurrent first attempts cannot both execute. Failed responses are not stored, so a
 * request that failed validation may be retried with the same key.
 */
public final class IdempotencyStore {

    /** Stripe prunes keys after 24 hours; a key reused later starts afresh. */
    static final Duration RETENTION = Duration.ofHours(24);

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Runnable onChange;

    public IdempotencyStore(Clock clock) {
        this(clock, () -> {});
    }

    /** {@code onChange} runs after a response is stored; it must not block. */
    public IdempotencyStore(Clock clock, Runnable onChange) {
        this.clock = clock;
        this.onChange = onChange;
    }

    public IdempotentOutcome execute(String key, RequestSignature signature, Supplier<StoredResponse> action) {
        Slot slot = slots.compute(key, (k, existing) -> {
            Slot s = existing == null ? new Slot() : existing;
            s.users++;
            return s;
        });
        slot.lock.lock();
        try {
            Entry entry = slot.entry;
            if (entry != null && entry.storedAt.plus(RETENTION).isAfter(clock.instant())) {
                if (!entry.signature.equals(signature)) {
                    throw StripeErrorException.idempotencyKeyReused(key);
                }
                return new IdempotentOutcome(entry.response, true);
            }
            StoredResponse response = action.get();
            slot.entry = response.isSuccess() ? new Entry(signature, response, clock.instant()) : null;
            if (slot.entry != null) {
                onChange.run();
            }
            return new IdempotentOutcome(response, false);
        } finally {
            slot.lock.unlock();
            release(key);
        }
    }

    /** Stored responses still within retention, for saving. */
    public List<IdempotencyRecord> records() {
        Instant oldest = clock.instant().minus(RETENTION);
        List<IdempotencyRecord> records = new ArrayList<>();
        for (Map.Entry<String, Slot> slot : slots.entrySet()) {
            Entry entry = slot.getValue().entry;
            if (entry != null && entry.storedAt.isAfter(oldest)) {
                records.add(new IdempotencyRecord(
                        slot.getKey(),
                        entry.signature,
                        entry.response.status(),
                        new String(entry.response.body(), StandardCharsets.UTF_8),
                        entry.storedAt.toEpochMilli()));
            }
        }
        return records;
    }

    /** Puts back responses saved by an earlier run, so a client retrying across a restart gets a replay. */
    public void restore(List<IdempotencyRecord> records) {
        for (IdempotencyRecord record : records) {
            Slot slot = new Slot();
            slot.entry = new Entry(
                    record.signature(),
                    new StoredResponse(record.status(), record.body().getBytes(StandardCharsets.UTF_8)),
                    Instant.ofEpochMilli(record.storedAt()));
            slots.put(record.key(), slot);
        }
    }

    public int size() {
        return (int) slots.values().stream().filter(slot -> slot.entry != null).count();
    }

    /** Drops the slot once nobody waits on it and it holds nothing worth replaying. */
    private void release(String key) {
        slots.compute(key, (k, slot) -> {
            slot.users--;
            return slot.users == 0 && slot.entry == null ? null : slot;
        });
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        /** Guarded by {@code slots.compute} for this key. */
        int users;
        /** Guarded by {@link #lock}. */
        volatile Entry entry;
    }

    private record Entry(RequestSignature signature, StoredResponse response, Instant storedAt) {}
}
