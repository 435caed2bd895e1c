package com.orderengine.order.db;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(RefundRecord.class)
public interface RefundDao {

    String REFUND_COLUMNS = "stripe_refund_id, stripe_payment_intent_id, amount, currency, reason, created_at";

    @SqlQuery("SELECT " + REFUND_COLUMNS
            + " FROM refunds WHERE stripe_payment_intent_id = :paymentIntent ORDER BY id LIMIT 1")
    Optional<RefundRecord> findByPaymentIntent(@Bind("paymentIntent") String paymentIntentId);

    @SqlQuery("SELECT " + REFUND_COLUMNS + " FROM refunds WHERE order_id = :orderId ORDER BY id")
    List<RefundRecord> findByOrder(@Bind("orderId") int orderId);

    @SqlUpdate("""
            INSERT INTO refunds (order_id, stripe_refund_id, stripe_payment_intent_id, amount, currency, reason)
            SELECT id, :refundId, :paymentIntent, :amount, :currency, :reason FROM orders WHERE reference = :reference
            ON CONFLICT (stripe_refund_id) DO NOTHING""")
    int insertRefund(
            @Bind("reference") String orderReference,
            @Bind("refundId") String stripeRefundId,
            @Bind("paymentIntent") String paymentIntentId,
            @Bind("amount") BigDecimal amount,
            @Bind("currency") String currency,
            @Bind("reason") String reason);

    @SqlUpdate("UPDATE orders SET status_detail = :detail, updated_at = now() WHERE reference = :reference")
    int updateDetail(@Bind("reference") String orderReference, @Bind("detail") String detail);

    /** Records the refund and says so in the order's detail, once: a retried recording changes nothing. */
    @Transaction
    default boolean record(String orderReference, RefundRecord refund) {
        int inserted = insertRefund(
                orderReference,
                refund.stripeRefundId(),
                refund.stripePaymentIntentId(),
                refund.amount(),
                refund.currency(),
                refund.reason());
        if (inserted > 0) {
            updateDetail(
                    orderReference,
                    refund.reason() + "; refunded " + refund.amount().toPlainString() + " " + refund.currency() + " ("
                            + refund.stripeRefundId() + ")");
        }
        return inserted > 0;
    }
}
