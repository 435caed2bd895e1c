package com.orderengine.stripeemulator.checkout;

import com.orderengine.stripeemulator.logging.ObjectLabels;
import com.orderengine.stripeemulator.support.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checkout Session behaviour seen from the merchant's side: creation, reads (which expire overdue
 * sessions) and explicit expiry. What the customer does is {@link CheckoutPayments}. Knows nothing of
 * HTTP; callers translate its exceptions into API errors.
 */
public final class CheckoutSessionService {

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

    private final CheckoutSessionStore store;
    private final Clock clock;
    private final String hostedPageBaseUrl;
    private final SessionTransitions transitions;
    private final AtomicInteger createdCount = new AtomicInteger();

    public CheckoutSessionService(CheckoutSessionStore store, Clock clock, String hostedPageBaseUrl) {
        this(store, clock, hostedPageBaseUrl, CheckoutSessionListener.NONE);
    }

    public CheckoutSessionService(
            CheckoutSessionStore store, Clock clock, String hostedPageBaseUrl, CheckoutSessionListener listener) {
        this.store = store;
        this.clock = clock;
        this.hostedPageBaseUrl = hostedPageBaseUrl;
        this.transitions = new SessionTransitions(store, clock, listener);
    }

    /** What the customer can do with these sessions, sharing this service's transitions. */
    public CheckoutPayments payments() {
        return new CheckoutPayments(transitions);
    }

    public CheckoutSession create(NewCheckoutSession request) {
        long now = clock.instant().getEpochSecond();
        String id = RandomIds.checkoutSession();
        List<CheckoutLineItem> lineItems = new ArrayList<>(request.lineItems().size());
        for (NewCheckoutSession.LineItem line : request.lineItems()) {
            lineItems.add(new CheckoutLineItem(
                    RandomIds.lineItem(),
                    RandomIds.price(),
                    RandomIds.product(),
                    line.name(),
                    line.description(),
                    line.unitAmount(),
                    line.quantity(),
                    line.currency()));
        }
        long expiresAt = request.expiresAt() != null ? request.expiresAt() : now + DEFAULT_LIFETIME.toSeconds();
        String currency = lineItems.isEmpty() ? null : lineItems.get(0).currency();
        CheckoutSession session = new CheckoutSession(
                id,
                request.mode(),
                CheckoutSessionStatus.OPEN,
                PaymentStatus.UNPAID,
                null,
                request.clientReferenceId(),
                request.customerEmail(),
                currency,
                lineItems,
                request.metadata(),
                request.paymentIntentMetadata(),
                request.successUrl(),
                request.cancelUrl(),
                hostedPageUrl(id),
                now,
                expiresAt,
                null,
                AsyncPaymentState.NONE);
        store.insert(session);
        createdCount.incrementAndGet();
        return session;
    }

    /**
     * Puts back sessions from an earlier run. Their {@code url} is pointed at this run's address, which
     * may differ (another port), so that a session left open can still be paid.
     */
    public void restore(List<CheckoutSession> sessions) {
        store.restore(sessions.stream()
                .map(session -> session.withUrl(hostedPageUrl(session.id())))
                .toList());
    }

    public Optional<CheckoutSession> find(String id) {
        return transitions.expireIfOverdue(id);
    }

    /** The session's labels for a log line; unlike {@link #find}, never expires an overdue session. */
    public List<ObjectLabels> labelsOf(String id) {
        return id == null
                ? List.of()
                : store.find(id).map(CheckoutSession::labels).orElse(List.of());
    }

    public CheckoutSession retrieve(String id) {
        return find(id).orElseThrow(() -> new NoSuchCheckoutSessionException(id));
    }

    /**
     * The session whose payment made {@code paymentIntent}. Only completed sessions have one, and they
     * never expire, so this needs no expiry check.
     */
    public Optional<CheckoutSession> findByPaymentIntent(String paymentIntent) {
        return store.all().stream()
                .filter(session -> paymentIntent.equals(session.paymentIntent()))
                .findFirst();
    }

    /** All sessions in creation order. */
    public List<CheckoutSession> list() {
        transitions.expireAllOverdue();
        return store.all();
    }

    /** What {@code POST /v1/checkout/sessions/{id}/expire} does. */
    public CheckoutSession expire(String id) {
        return transitions.apply(
                id,
                session -> {
                    StateRules.requireOpen(
                            session, "Only Checkout Sessions with a status in [\"open\"] can be expired.");
                    return session.expired();
                },
                CheckoutSessionTransition.EXPIRED);
    }

    /** What Stripe does in the background at {@code expires_at}; returns the sessions expired now. */
    public List<CheckoutSession> expireOverdue() {
        return transitions.expireAllOverdue();
    }

    /** Sessions really created by this run (idempotent replays do not create; restored ones are not counted). */
    public int createdCount() {
        return createdCount.get();
    }

    private String hostedPageUrl(String id) {
        return hostedPageBaseUrl + "/c/pay/" + id;
    }
}
