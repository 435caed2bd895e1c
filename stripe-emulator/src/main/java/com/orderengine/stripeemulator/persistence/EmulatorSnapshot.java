package com.orderengine.stripeemulator.persistence;

import com.orderengine.stripeemulator.api.IdempotencyRecord;
import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.event.StripeEvent;
import com.orderengine.stripeemulator.refund.Charge;
import com.orderengine.stripeemulator.refund.Refund;
import com.orderengine.stripeemulator.webhook.DeliveryAttempt;
import com.orderengine.stripeemulator.webhook.PendingDelivery;
import java.util.List;

/**
 * Everything the emulator keeps across a restart, as one JSON document. A list missing from the
 * document (one written before charges and refunds existed, say) reads as empty: adding a list is not
 * an incompatible change, so it does not bump the format.
 */
public record EmulatorSnapshot(
        int format,
        List<CheckoutSession> sessions,
        List<Charge> charges,
        List<Refund> refunds,
        List<StripeEvent> events,
        List<DeliveryAttempt> deliveryAttempts,
        List<PendingDelivery> pendingDeliveries,
        List<IdempotencyRecord> idempotencyKeys) {

    /** Bumped when the document changes incompatibly; an unknown format is refused rather than misread. */
    public static final int CURRENT_FORMAT = 1;

    public EmulatorSnapshot {
        sessions = copy(sessions);
        charges = copy(charges);
        refunds = copy(refunds);
        events = copy(events);
        deliveryAttempts = copy(deliveryAttempts);
        pendingDeliveries = copy(pendingDeliveries);
        idempotencyKeys = copy(idempotencyKeys);
    }

    public static EmulatorSnapshot empty() {
        return new EmulatorSnapshot(CURRENT_FORMAT, null, null, null, null, null, null, null);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
