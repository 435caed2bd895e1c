package com.orderengine.stripeemulator.checkout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable snapshot of a Checkout Session; state changes produce a new snapshot. */
public record CheckoutSession(
        String id,
        String mode,
        CheckoutSessionStatus status,
        PaymentStatus paymentStatus,
        String paymentIntent,
        String clientReferenceId,
        String customerEmail,
        String currency,
        List<CheckoutLineItem> lineItems,
        Map<String, String> metadata,
        Map<String, String> paymentIntentMetadata,
        String successUrl,
        String cancelUrl,
        String url,
        long created,
        long expiresAt) {

    public CheckoutSession {
        lineItems = List.copyOf(lineItems);
        // Insertion order is kept so JSON shows metadata the way it was sent.
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        paymentIntentMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(paymentIntentMetadata));
    }

    /** No discounts, shipping or tax exist here, so subtotal and total are the same sum. */
    public long amountTotal() {
        long total = 0;
        for (CheckoutLineItem item : lineItems) {
            total = Math.addExact(total, item.amountTotal());
        }
        return total;
    }

    public boolean isOpen() {
        return status == CheckoutSessionStatus.OPEN;
    }

    /** Open but past {@code expires_at}: Stripe would have expired it by now. */
    public boolean isOverdue(long nowEpochSecond) {
        return isOpen() && nowEpochSecond >= expiresAt;
    }

    public CheckoutSession expired() {
        return withState(CheckoutSessionStatus.EXPIRED, paymentStatus, paymentIntent);
    }

    public CheckoutSession paid(String paymentIntentId) {
        return withState(CheckoutSessionStatus.COMPLETE, PaymentStatus.PAID, paymentIntentId);
    }

    private CheckoutSession withState(CheckoutSessionStatus newStatus, PaymentStatus newPaymentStatus,
                                      String newPaymentIntent) {
        return new CheckoutSession(id, mode, newStatus, newPaymentStatus, newPaymentIntent, clientReferenceId,
                customerEmail, currency, lineItems, metadata, paymentIntentMetadata, successUrl, cancelUrl, url,
                created, expiresAt);
    }
}
