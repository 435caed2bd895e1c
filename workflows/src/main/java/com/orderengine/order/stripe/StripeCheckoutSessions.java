package com.orderengine.order.stripe;

import com.orderengine.order.OrderReference;
import com.orderengine.order.PricedLine;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;

/** Stripe Checkout Sessions through stripe-java; the idempotency keys are derived from the order. */
public class StripeCheckoutSessions {

    private final StripeClient stripe;
    private final String successUrl;
    private final String cancelUrl;

    public StripeCheckoutSessions(StripeClient stripe, String successUrl, String cancelUrl) {
        this.stripe = stripe;
        this.successUrl = successUrl;
        this.cancelUrl = cancelUrl;
    }

    public CheckoutSessionState create(CheckoutSessionRequest request) throws StripeException {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(request.orderId())
                .putMetadata(OrderReference.METADATA_KEY, request.orderId())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata(OrderReference.METADATA_KEY, request.orderId())
                        .build())
                .setExpiresAt(request.expiresAtEpochSecond())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl);
        if (request.email() != null) {
            params.setCustomerEmail(request.email());
        }
        for (PricedLine line : request.lines()) {
            params.addLineItem(SessionCreateParams.LineItem.builder()
                    .setQuantity((long) line.quantity())
                    .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(request.currency())
                            .setUnitAmount(line.unitAmount())
                            .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(line.name())
                                    .build())
                            .build())
                    .build());
        }
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(
                        params.build(),
                        RequestOptions.builder()
                                .setIdempotencyKey(createKey(request.orderId()))
                                .build());
        return stateOf(session);
    }

    public CheckoutSessionState retrieve(String sessionId) throws StripeException {
        return stateOf(stripe.v1().checkout().sessions().retrieve(sessionId));
    }

    public CheckoutSessionState expire(String orderId, String sessionId) throws StripeException {
        return stateOf(stripe.v1()
                .checkout()
                .sessions()
                .expire(
                        sessionId,
                        RequestOptions.builder()
                                .setIdempotencyKey("order-" + orderId + "-expire-session")
                                .build()));
    }

    /** One order, one session: every attempt for the order sends this key. */
    public static String createKey(String orderId) {
        return "order-" + orderId + "-checkout-session";
    }

    private static CheckoutSessionState stateOf(Session session) {
        return new CheckoutSessionState(
                session.getId(),
                session.getUrl(),
                session.getStatus(),
                session.getPaymentStatus(),
                session.getPaymentIntent(),
                session.getAmountTotal(),
                session.getCurrency(),
                session.getExpiresAt() == null ? 0 : session.getExpiresAt());
    }
}
