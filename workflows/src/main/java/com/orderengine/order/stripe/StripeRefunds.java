package com.orderengine.order.stripe;

import com.orderengine.order.MinorUnits;
import com.orderengine.order.OrderReference;
import com.orderengine.order.db.RefundRecord;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.time.Instant;
import java.util.Optional;

/** Refunds through stripe-java; one payment, one idempotency key, so a retried refund never gives money twice. */
public class StripeRefunds {

    /** Stripe's error code for a charge with nothing left to refund. */
    public static final String ALREADY_REFUNDED = "charge_already_refunded";

    private final StripeClient stripe;

    public StripeRefunds(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** Refunds everything the payment took; {@code reason} is kept with the refund at Stripe and with us. */
    public RefundRecord refundInFull(String orderId, String paymentIntentId, String reason) throws StripeException {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(paymentIntentId)
                .putMetadata(OrderReference.METADATA_KEY, orderId)
                .putMetadata("engine_reason", reason)
                .build();
        Refund refund = stripe.v1()
                .refunds()
                .create(
                        params,
                        RequestOptions.builder()
                                .setIdempotencyKey(refundKey(orderId, paymentIntentId))
                                .build());
        return recordOf(refund, reason);
    }

    /** The newest refund of the payment, for when Stripe says it was refunded already (an older key, say). */
    public Optional<RefundRecord> latestRefund(String paymentIntentId, String reason) throws StripeException {
        StripeCollection<Refund> refunds = stripe.v1()
                .refunds()
                .list(RefundListParams.builder()
                        .setPaymentIntent(paymentIntentId)
                        .setLimit(1L)
                        .build());
        return refunds.getData().stream().findFirst().map(refund -> recordOf(refund, reason));
    }

    public static String refundKey(String orderId, String paymentIntentId) {
        return "order-" + orderId + "-refund-" + paymentIntentId;
    }

    private static RefundRecord recordOf(Refund refund, String reason) {
        return new RefundRecord(
                refund.getId(),
                refund.getPaymentIntent(),
                MinorUnits.toDecimal(refund.getAmount(), refund.getCurrency()),
                refund.getCurrency(),
                reason,
                refund.getCreated() == null ? null : Instant.ofEpochSecond(refund.getCreated()));
    }
}
