package com.orderengine.stripeemulator.checkout;

import com.orderengine.stripeemulator.logging.ObjectLabels;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of a Checkout Session; state changes produce a new snapshot.
 * {@code payerEmail} is the email the customer paid with (Stripe's {@code customer_details.email}).
 */
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
        long expiresAt,
        String payerEmail,
        AsyncPaymentState asyncPayment) {

    public CheckoutSession {
        lineItems = List.copyOf(lineItems);
        // Insertion order is kept so JSON shows metadata the way it was sent.
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        paymentIntentMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(paymentIntentMetadata));
        asyncPayment = asyncPayment == null ? AsyncPaymentState.NONE : asyncPayment;
    }

    /** Its own labels, then its PaymentIntent's (set through {@code payment_intent_data[metadata]}). */
    public List<ObjectLabels> labels() {
        return List.of(new ObjectLabels(clientReferenceId, metadata), ObjectLabels.metadataOnly(paymentIntentMetadata));
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

    /** Where Stripe sends the customer after paying: {@code {CHECKOUT_SESSION_ID}} is replaced by the id. */
    public String resolvedSuccessUrl() {
        return successUrl.replace("{CHECKOUT_SESSION_ID}", id);
    }

    public boolean isAwaitingAsyncPayment() {
        return asyncPayment == AsyncPaymentState.PROCESSING;
    }

    public CheckoutSession expired() {
        return with(CheckoutSessionStatus.EXPIRED, paymentStatus, paymentIntent, payerEmail, asyncPayment);
    }

    public CheckoutSession paid(String paymentIntentId, String email) {
        return with(CheckoutSessionStatus.COMPLETE, PaymentStatus.PAID, paymentIntentId, email, AsyncPaymentState.NONE);
    }

    /** Completed with a delayed method: the order may be placed, the money has not arrived. */
    public CheckoutSession awaitingAsyncPayment(String paymentIntentId, String email) {
        return with(
                CheckoutSessionStatus.COMPLETE,
                PaymentStatus.UNPAID,
                paymentIntentId,
                email,
                AsyncPaymentState.PROCESSING);
    }

    public CheckoutSession asyncPaymentSucceeded() {
        return with(status, PaymentStatus.PAID, paymentIntent, payerEmail, AsyncPaymentState.SUCCEEDED);
    }

    /** Stripe leaves {@code payment_status} at {@code unpaid} when a delayed payment fails. */
    public CheckoutSession asyncPaymentFailed() {
        return with(status, PaymentStatus.UNPAID, paymentIntent, payerEmail, AsyncPaymentState.FAILED);
    }

    /** The same session served from another address (the emulator restarted on another port). */
    public CheckoutSession withUrl(String newUrl) {
        return new CheckoutSession(
                id,
                mode,
                status,
                paymentStatus,
                paymentIntent,
                clientReferenceId,
                customerEmail,
                currency,
                lineItems,
                metadata,
                paymentIntentMetadata,
                successUrl,
                cancelUrl,
                newUrl,
                created,
                expiresAt,
                payerEmail,
                asyncPayment);
    }

    private CheckoutSession with(
            CheckoutSessionStatus newStatus,
            PaymentStatus newPaymentStatus,
            String newPaymentIntent,
            String newPayerEmail,
            AsyncPaymentState newAsyncPayment) {
        return new CheckoutSession(
                id,
                mode,
                newStatus,
                newPaymentStatus,
                newPaymentIntent,
                clientReferenceId,
                customerEmail,
                currency,
                lineItems,
                metadata,
                paymentIntentMetadata,
                successUrl,
                cancelUrl,
                url,
                created,
                expiresAt,
                newPayerEmail,
                newAsyncPayment);
    }
}
