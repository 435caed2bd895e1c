package com.orderengine.stripeemulator;

import com.orderengine.stripeemulator.checkout.CheckoutLineItem;
import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.refund.Charge;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only snapshot of a Checkout Session for tests and tools. {@code status} and
 * {@code paymentStatus} use Stripe's wire values ({@code open}, {@code unpaid}…); times are epoch seconds.
 * {@code paymentIntentMetadata} is what {@code payment_intent_data[metadata]} asked to put on the
 * PaymentIntent, which Stripe does not show on the session itself. {@code chargeId} is the {@code ch_…}
 * charge made when the payment succeeded (null until then, and for a free session), and
 * {@code amountRefunded} how much of it has been refunded so far.
 */
public record CheckoutSessionView(
        String id,
        String status,
        String paymentStatus,
        String paymentIntent,
        String clientReferenceId,
        String customerEmail,
        String currency,
        long amountTotal,
        long expiresAt,
        Map<String, String> metadata,
        Map<String, String> paymentIntentMetadata,
        List<LineItemView> lineItems,
        String successUrl,
        String cancelUrl,
        String url,
        long created,
        String chargeId,
        long amountRefunded) {

    public CheckoutSessionView {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        paymentIntentMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(paymentIntentMetadata));
        lineItems = List.copyOf(lineItems);
    }

    static CheckoutSessionView of(CheckoutSession session, Optional<Charge> charge) {
        List<LineItemView> lines =
                session.lineItems().stream().map(CheckoutSessionView::lineOf).toList();
        return new CheckoutSessionView(
                session.id(),
                session.status().wireName(),
                session.paymentStatus().wireName(),
                session.paymentIntent(),
                session.clientReferenceId(),
                session.customerEmail(),
                session.currency(),
                session.amountTotal(),
                session.expiresAt(),
                session.metadata(),
                session.paymentIntentMetadata(),
                lines,
                session.successUrl(),
                session.cancelUrl(),
                session.url(),
                session.created(),
                charge.map(Charge::id).orElse(null),
                charge.map(Charge::amountRefunded).orElse(0L));
    }

    private static LineItemView lineOf(CheckoutLineItem item) {
        return new LineItemView(item.name(), item.unitAmount(), item.quantity(), item.currency());
    }
}
