package com.orderengine.stripeemulator.checkout;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one way sessions change state. Changes run one at a time and each real change is announced to
 * the listener before the next begins, so events come out in the order the changes happened and a
 * session that several readers find overdue at once is expired (and announced) exactly once.
 */
final class SessionTransitions {

    private final CheckoutSessionStore store;
    private final Clock clock;
    private final CheckoutSessionListener listener;
    private final Object lock = new Object();

    SessionTransitions(CheckoutSessionStore store, Clock clock, CheckoutSessionListener listener) {
        this.store = store;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Expires the session first if it is overdue, then applies {@code change}; announces
     * {@code transition} if the session changed.
     *
     * @throws NoSuchCheckoutSessionException if there is no such session
     */
    CheckoutSession apply(String id, UnaryOperator<CheckoutSession> change, CheckoutSessionTransition transition) {
        synchronized (lock) {
            CheckoutSession before = expireIfOverdue(id).orElseThrow(() -> new NoSuchCheckoutSessionException(id));
            CheckoutSession after = store.update(id, change).orElseThrow();
            if (!after.equals(before)) {
                listener.transitioned(after, transition);
            }
            return after;
        }
    }

    /**
     * Stripe expires sessions in the background at {@code expires_at}; the sweeper does that here, and
     * every read does it too so that no reader sees an overdue session as open between sweeps.
     */
    Optional<CheckoutSession> expireIfOverdue(String id) {
        synchronized (lock) {
            long now = clock.instant().getEpochSecond();
            Optional<CheckoutSession> before = store.find(id);
            if (before.isEmpty() || !before.get().isOverdue(now)) {
                return before;
            }
            CheckoutSession expired = store.update(id, CheckoutSession::expired).orElseThrow();
            listener.transitioned(expired, CheckoutSessionTransition.EXPIRED);
            return Optional.of(expired);
        }
    }

    /** Expires every overdue session; returns those it expired. */
    List<CheckoutSession> expireAllOverdue() {
        synchronized (lock) {
            long now = clock.instant().getEpochSecond();
            List<CheckoutSession> expired = new ArrayList<>();
            for (CheckoutSession session : store.all()) {
                if (session.isOverdue(now)) {
                    CheckoutSession next =
                            store.update(session.id(), CheckoutSession::expired).orElseThrow();
                    listener.transitioned(next, CheckoutSessionTransition.EXPIRED);
                    expired.add(next);
                }
            }
            return expired;
        }
    }
}
