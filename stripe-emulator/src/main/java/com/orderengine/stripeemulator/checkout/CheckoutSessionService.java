package com.orderengine.stripeemulator.checkout;

import com.orderengine.stripeemulator.support.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checkout Session behaviour: creation, the open → complete/expired transitions and lazy expiry.
 * Knows nothing of HTTP; callers translate its exceptions into API errors.
 */
public final class CheckoutSessionService {

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

    private final CheckoutSessionStore store;
    private final Clock clock;
    private final String hostedPageBaseUrl;
    private final AtomicInteger createdCount = new AtomicInteger();

    public CheckoutSessionService(CheckoutSessionStore store, Clock clock, String hostedPageBaseUrl) {
        this.store = store;
        this.clock = clock;
        this.hostedPageBaseUrl = hostedPageBaseUrl;
    }

    public CheckoutSession create(NewCheckoutSession request) {
        long now = now();
        String id = RandomIds.checkoutSession();
        List<CheckoutLineItem> lineItems = new ArrayList<>(request.lineItems().size());
        for (NewCheckoutSession.LineItem line : request.lineItems()) {
            lineItems.add(new CheckoutLineItem(RandomIds.lineItem(), RandomIds.price(), RandomIds.product(),
                    line.name(), line.description(), line.unitAmount(), line.quantity(), line.currency()));
        }
        long expiresAt = request.expiresAt() != null ? request.expiresAt() : now + DEFAULT_LIFETIME.toSeconds();
        String currency = lineItems.isEmpty() ? null : lineItems.get(0).currency();
        CheckoutSession session = new CheckoutSession(id, request.mode(), CheckoutSessionStatus.OPEN,
                PaymentStatus.UNPAID, null, request.clientReferenceId(), request.customerEmail(), currency,
                lineItems, request.metadata(), request.paymentIntentMetadata(), request.successUrl(),
                request.cancelUrl(), hostedPageBaseUrl + "/c/pay/" + id, now, expiresAt);
        store.insert(session);
        createdCount.incrementAndGet();
        return session;
    }

    public Optional<CheckoutSession> find(String id) {
        return expireIfOverdue(id);
    }

    public CheckoutSession retrieve(String id) {
        return find(id).orElseThrow(() -> new NoSuchCheckoutSessionException(id));
    }

    /** All sessions in creation order. */
    public List<CheckoutSession> list() {
        List<CheckoutSession> result = new ArrayList<>();
        for (CheckoutSession session : store.all()) {
            expireIfOverdue(session.id()).ifPresent(result::add);
        }
        return result;
    }

    /** What {@code POST /v1/checkout/sessions/{id}/expire} does. */
    public CheckoutSession expire(String id) {
        expireIfOverdue(id);
        return store.update(id, session -> {
            requireOpen(session, "Only Checkout Sessions with a status in [\"open\"] can be expired.");
            return session.expired();
        }).orElseThrow(() -> new NoSuchCheckoutSessionException(id));
    }

    /** What a customer paying on the hosted page does. */
    public CheckoutSession complete(String id) {
        expireIfOverdue(id);
        return store.update(id, session -> {
            requireOpen(session, "Only Checkout Sessions with a status in [\"open\"] can be completed.");
            return session.paid(RandomIds.paymentIntent());
        }).orElseThrow(() -> new NoSuchCheckoutSessionException(id));
    }

    /** Sessions really created (idempotent replays do not create). */
    public int createdCount() {
        return createdCount.get();
    }

    /**
     * Stripe expires sessions in the background at {@code expires_at}; here the transition happens
     * on the next access instead, which observers cannot tell apart.
     */
    private Optional<CheckoutSession> expireIfOverdue(String id) {
        long now = now();
        return store.update(id, session -> session.isOverdue(now) ? session.expired() : session);
    }

    private static void requireOpen(CheckoutSession session, String rule) {
        if (!session.isOpen()) {
            throw new CheckoutSessionStateException(rule + " This Checkout Session has a status of `"
                    + session.status().wireName() + "`.", session.status());
        }
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
