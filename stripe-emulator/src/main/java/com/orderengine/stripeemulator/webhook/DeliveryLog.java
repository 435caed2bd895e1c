package com.orderengine.stripeemulator.webhook;

import java.util.ArrayList;
import java.util.List;

/** Every delivery attempt in the order made. {@code onChange} runs under the lock, so must not block. */
public final class DeliveryLog {

    private final List<DeliveryAttempt> attempts = new ArrayList<>();
    private final Runnable onChange;

    public DeliveryLog(Runnable onChange) {
        this.onChange = onChange;
    }

    public synchronized void restore(List<DeliveryAttempt> restored) {
        attempts.addAll(restored);
    }

    /** Numbers the attempt (per event, from 1) and records it. */
    synchronized DeliveryAttempt record(AttemptOutcome outcome) {
        int number = 1;
        for (DeliveryAttempt earlier : attempts) {
            if (earlier.eventId().equals(outcome.eventId())) {
                number++;
            }
        }
        DeliveryAttempt attempt = outcome.numbered(number);
        attempts.add(attempt);
        onChange.run();
        return attempt;
    }

    public synchronized List<DeliveryAttempt> all() {
        return new ArrayList<>(attempts);
    }

    public synchronized List<DeliveryAttempt> forEvent(String eventId) {
        return attempts.stream()
                .filter(attempt -> attempt.eventId().equals(eventId))
                .toList();
    }
}
