package com.orderengine.order.db;

import com.orderengine.order.OrderStatus;
import com.orderengine.order.PricedLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(OrderRecord.class)
@RegisterConstructorMapper(OrderItemRecord.class)
@RegisterConstructorMapper(StatusChangeRecord.class)
public interface OrderDao {

    String ORDER_COLUMNS = "id, reference, email, currency, total, status, status_detail, stripe_session_id, "
            + "stripe_session_url, stripe_session_expires_at, stripe_payment_intent_id, created_at, paid_at";

    @SqlQuery("SELECT " + ORDER_COLUMNS + " FROM orders WHERE reference = :reference")
    Optional<OrderRecord> findByReference(@Bind("reference") String reference);

    @SqlQuery("SELECT " + ORDER_COLUMNS + " FROM orders WHERE stripe_session_id = :sessionId")
    Optional<OrderRecord> findBySessionId(@Bind("sessionId") String sessionId);

    /** The order a payment belongs to: {@code charge.refunded} names the payment intent, not the session. */
    @SqlQuery("SELECT " + ORDER_COLUMNS + " FROM orders WHERE stripe_payment_intent_id = :paymentIntent")
    Optional<OrderRecord> findByPaymentIntent(@Bind("paymentIntent") String paymentIntentId);

    /** Pending orders with a session after {@code afterId}, in id order: one page of those needing a workflow. */
    @SqlQuery("SELECT id, reference, currency FROM orders WHERE status = 'pending' AND reference IS NOT NULL "
            + "AND stripe_session_id IS NOT NULL AND id > :afterId ORDER BY id LIMIT :limit")
    @RegisterConstructorMapper(PendingOrder.class)
    List<PendingOrder> findPending(@Bind("afterId") int afterId, @Bind("limit") int limit);

    @SqlQuery("SELECT product_id, product_name, quantity, price FROM order_items WHERE order_id = :orderId ORDER BY id")
    List<OrderItemRecord> findItems(@Bind("orderId") int orderId);

    @SqlQuery("SELECT from_status, to_status, reason, stripe_event_id, changed_at FROM order_status_changes "
            + "WHERE order_id = :orderId ORDER BY id")
    List<StatusChangeRecord> findStatusChanges(@Bind("orderId") int orderId);

    /** Inserts the order unless its reference exists; the returned id is empty when it already did. */
    @SqlQuery("INSERT INTO orders (reference, email, currency, total, status) "
            + "VALUES (:reference, :email, :currency, :total, 'pending') "
            + "ON CONFLICT (reference) DO NOTHING RETURNING id")
    Optional<Integer> insertOrder(@Bind("reference") String reference, @Bind("email") String email,
            @Bind("currency") String currency, @Bind("total") BigDecimal total);

    @SqlBatch("INSERT INTO order_items (order_id, product_id, product_name, quantity, price) "
            + "VALUES (:orderId, :line.productId, :line.name, :line.quantity, :line.unitPrice)")
    void insertItems(@Bind("orderId") int orderId, @BindMethods("line") List<PricedLine> lines);

    @SqlUpdate("INSERT INTO order_status_changes (order_id, from_status, to_status, reason, stripe_event_id) "
            + "VALUES (:orderId, :from, :to, :reason, :eventId)")
    void insertStatusChange(@Bind("orderId") int orderId, @Bind("from") String from, @Bind("to") String to,
            @Bind("reason") String reason, @Bind("eventId") String eventId);

    /** Creates the order with its items in one transaction; empty when the reference was already taken. */
    @Transaction
    default Optional<Integer> createOrder(String reference, String email, String currency, BigDecimal total,
            List<PricedLine> lines) {
        Optional<Integer> id = insertOrder(reference, email, currency, total);
        id.ifPresent(orderId -> {
            insertItems(orderId, lines);
            insertStatusChange(orderId, null, OrderStatus.PENDING.value(), "order created", null);
        });
        return id;
    }

    @SqlUpdate("UPDATE orders SET stripe_session_id = :sessionId, stripe_session_url = :url, "
            + "stripe_session_expires_at = :expiresAt, updated_at = now() WHERE reference = :reference")
    int recordCheckoutSession(@Bind("reference") String reference, @Bind("sessionId") String sessionId,
            @Bind("url") String url, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("UPDATE orders SET status = :to, status_detail = :detail, updated_at = now(), "
            + "paid_at = CASE WHEN :to = 'paid' THEN now() ELSE paid_at END, "
            + "stripe_payment_intent_id = coalesce(:paymentIntent, stripe_payment_intent_id) "
            + "WHERE reference = :reference AND status = any(:from) RETURNING id, created_at, paid_at")
    @RegisterConstructorMapper(StatusMove.class)
    Optional<StatusMove> updateStatus(@Bind("reference") String reference, @Bind("from") String[] from,
            @Bind("to") String to, @Bind("detail") String detail, @Bind("paymentIntent") String paymentIntent);

    /** Locks the order's row for the rest of the transaction, so the recorded "from" status is the real one. */
    @SqlQuery("SELECT status FROM orders WHERE reference = :reference FOR UPDATE")
    Optional<String> lockStatus(@Bind("reference") String reference);

    /**
     * Moves the order to {@code to} if {@link OrderStatus} allows it from the current status, recording the change.
     * Returns empty when nothing moved (already there, or the move is not allowed), so a duplicate changes nothing.
     */
    @Transaction
    default Optional<StatusMove> transition(String reference, OrderStatus to, String detail, String stripeEventId,
            String paymentIntent) {
        String[] from = Arrays.stream(OrderStatus.values())
                .filter(status -> status.canMoveTo(to))
                .map(OrderStatus::value)
                .toArray(String[]::new);
        Optional<String> before = lockStatus(reference);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Optional<StatusMove> moved = updateStatus(reference, from, to.value(), detail, paymentIntent);
        moved.ifPresent(row -> insertStatusChange(row.id(), before.get(), to.value(), detail, stripeEventId));
        return moved;
    }
}
