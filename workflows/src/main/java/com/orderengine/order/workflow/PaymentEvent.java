package com.orderengine.order.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.orderengine.order.OrderStatus;
import com.orderengine.order.stripe.CheckoutSessionState;

/**
 * A verified Stripe webhook event, reduced to what the workflow decides on. For {@code charge.refunded}
 * {@code sessionId} and {@code paymentStatus} are null, {@code amountTotal} is the charge's amount and
 * {@code amountRefunded} how much of it has been refunded so far.
 */
public record PaymentEvent(
        String eventId,
        String type,
        String sessionId,
        String paymentStatus,
        String paymentIntentId,
        Long amountTotal,
        String currency,
        Long amountRefunded) {

    public static final String CHECKOUT_SESSION_COMPLETED = "checkout.session.completed";
    public static final String CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded";
    public static final String CHECKOUT_SESSION_ASYNC_PAYMENT_FAILED = "checkout.session.async_payment_failed";
    public static final String CHECKOUT_SESSION_EXPIRED = "checkout.session.expired";
    public static final String CHARGE_REFUNDED = "charge.refunded";

    /** An event about a Checkout Session. */
    public PaymentEvent(
            String eventId,
            String type,
            String sessionId,
            String paymentStatus,
            String paymentIntentId,
            Long amountTotal,
            String currency) {
        this(eventId, type, sessionId, paymentStatus, paymentIntentId, amountTotal, currency, null);
    }

    /** The Checkout Session event types the webhook forwards to order workflows. */
    public static boolean isSessionEvent(String type) {
        return CHECKOUT_SESSION_COMPLETED.equals(type)
                || CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED.equals(type)
                || CHECKOUT_SESSION_ASYNC_PAYMENT_FAILED.equals(type)
                || CHECKOUT_SESSION_EXPIRED.equals(type);
    }

    /** Money has arrived for the session: completed and paid, or a delayed payment that settled. */
    @JsonIgnore
    public boolean isPayment() {
        return (CHECKOUT_SESSION_COMPLETED.equals(type) && CheckoutSessionState.isPaid(paymentStatus))
                || CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED.equals(type);
    }

    /** The whole charge has been given back; a partial refund leaves the order paid. */
    @JsonIgnore
    public boolean isFullRefund() {
        return CHARGE_REFUNDED.equals(type)
                && amountRefunded != null
                && amountTotal != null
                && amountRefunded >= amountTotal;
    }

    /**
     * Whether the event is about the order whose checkout {@code session} this is: a refund by the payment it
     * refunds ({@code paymentIntentId}, null until the order is paid), any other event by its session.
     */
    public boolean concerns(CheckoutSessionState session, String paymentIntentId) {
        if (CHARGE_REFUNDED.equals(type)) {
            return paymentIntentId != null && paymentIntentId.equals(paymentIntentId());
        }
        return session != null && (sessionId == null || sessionId.equals(session.id()));
    }

    /**
     * Whether the event still means something to an order already in a final {@code status}: a payment for an
     * expired or cancelled order must be refunded, and a refund of a paid order makes it refunded.
     */
    public boolean actsOnFinalOrder(OrderStatus status) {
        return switch (status) {
            case EXPIRED, CANCELLED -> isPayment();
            case PAID -> CHARGE_REFUNDED.equals(type);
            case PENDING, FAILED, REFUNDED -> false;
        };
    }
}
