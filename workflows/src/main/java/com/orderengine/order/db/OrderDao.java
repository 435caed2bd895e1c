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
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OrderRecord.class)
@RegisterConstructorMapper(OrderItemRecord.class)
@RegisterConstructorMapper(StatusChangeRecord.class)
public interface OrderDao {

    /** The columns of an {@link OrderRecord}; the benchmark explains the same lookups. */
    String ORDER_COLUMNS = "id, reference, email, currency, total, status, status_detail, stripe_session_id, "
            + "stripe_session_url, stripe_session_expires_at, stripe_payment_intent_id, created_at, paid_at";

    @SqlQuery("SELECT " + ORDER_COLUMNS + " FROM orders WHERE reference = :reference")
    Optional<OrderRecord> findByReference(@Bind("reference") String reference);

    @SqlQuery("SELECT " + ORDER_COLUMNS + " FROM orders WHERE stripe_session_id = :sessionId")
    Optional<OrderRecord> findBySessionId(@Bind("sessionId") String sessionId);

    /** A customer's orders with an id below {@code beforeId}, newest first: one page of their history. */
    @SqlQuery("SELECT " + ORDER_COLUMNS + """
             FROM orders WHERE user_id = :userId AND id < :beforeId
            ORDER BY id DESC LIMIT :limit""")
    List<OrderRecord> findByUser(@Bind("userId") int userId, @Bind("beforeId") int beforeId, @Bind("limit") int limit);

    /** The order a payment belongs to: {@code charge.refunded} names the payment intent, not the session. */
    @SqlQuery("SELECT " + ORDER_COLUMNS + " FROM orders WHERE stripe_payment_intent_id = :paymentIntent")
    Optional<OrderRecord> findByPaymentIntent(@Bind("paymentIntent") String paymentIntentId);

    /** Pending orders with a session after {@code afterId}, in id order: one page of those needing a workflow. */
    @SqlQuery("""
            SELECT id, reference, currency, stripe_session_id FROM orders
            WHERE status = 'pending' AND reference IS NOT NULL AND stripe_session_id IS NOT NULL AND id > :afterId
            ORDER BY id LIMIT :limit""")
    @RegisterConstructorMapper(PendingOrder.class)
    List<PendingOrder> findPending(@Bind("afterId") int afterId, @Bind("limit") int limit);

    @SqlQuery("""
            SELECT count(*) FROM orders
            WHERE status = 'pending' AND reference IS NOT NULL AND stripe_session_id IS NOT NULL""")
    int countPending();

    @SqlQuery("""
            SELECT product_id, product_name, quantity, price FROM order_items WHERE order_id = :orderId ORDER BY id""")
    List<OrderItemRecord> findItems(@Bind("orderId") int orderId);

    @SqlQuery("""
            SELECT from_status, to_status, reason, stripe_event_id, changed_at FROM order_status_changes
            WHERE order_id = :orderId ORDER BY id""")
    List<StatusChangeRecord> findStatusChanges(@Bind("orderId") int orderId);

    /**
     * Inserts the order, its items and its first status change in one statement (one round trip, atomic as any
     * statement is), unless the reference exists; then nothing is written and the returned id is empty. The items
     * come as parallel arrays, inserted in their order.
     */
    @SqlQuery("""
            WITH new_order AS (
                INSERT INTO orders (reference, email, user_id, currency, total, status)
                VALUES (:reference, :email, :userId, :currency, :total, 'pending')
                ON CONFLICT (reference) DO NOTHING RETURNING id),
            items AS (
                INSERT INTO order_items (order_id, product_id, product_name, quantity, price)
                SELECT new_order.id, line.product_id, line.product_name, line.quantity, line.price
                FROM new_order, unnest(:productIds, :names, :quantities, CAST(:prices AS numeric[]))
                    WITH ORDINALITY AS line(product_id, product_name, quantity, price, position)
                ORDER BY line.position),
            created AS (
                INSERT INTO order_status_changes (order_id, from_status, to_status, reason)
                SELECT id, NULL, 'pending', 'order created' FROM new_order)
            SELECT id FROM new_order""")
    Optional<Integer> insertOrderWithItems(
            @Bind("reference") String reference,
            @Bind("email") String email,
            @Bind("userId") Integer userId,
            @Bind("currency") String currency,
            @Bind("total") BigDecimal total,
            @Bind("productIds") int[] productIds,
            @Bind("names") String[] names,
            @Bind("quantities") int[] quantities,
            @Bind("prices") String[] prices);

    /** A guest's order; see the next. */
    default Optional<Integer> createOrder(
            String reference, String email, String currency, BigDecimal total, List<PricedLine> lines) {
        return createOrder(reference, email, null, currency, total, lines);
    }

    /**
     * Creates the order with its items and first status, the account's when {@code userId} is not null; empty when
     * the reference was already taken.
     */
    default Optional<Integer> createOrder(
            String reference, String email, Integer userId, String currency, BigDecimal total, List<PricedLine> lines) {
        return insertOrderWithItems(
                reference,
                email,
                userId,
                currency,
                total,
                lines.stream().mapToInt(PricedLine::productId).toArray(),
                lines.stream().map(PricedLine::name).toArray(String[]::new),
                lines.stream().mapToInt(PricedLine::quantity).toArray(),
                lines.stream().map(line -> line.unitPrice().toPlainString()).toArray(String[]::new));
    }

    @SqlUpdate("""
            UPDATE orders SET stripe_session_id = :sessionId, stripe_session_url = :url,
                stripe_session_expires_at = :expiresAt, updated_at = now()
            WHERE reference = :reference""")
    int recordCheckoutSession(
            @Bind("reference") String reference,
            @Bind("sessionId") String sessionId,
            @Bind("url") String url,
            @Bind("expiresAt") Instant expiresAt);

    /**
     * Moves the order to {@code to} if {@link OrderStatus} allows it from the current status, recording the change,
     * in one statement. {@code previous} locks the row first, so the recorded "from" status is the one the move
     * was decided on: a concurrent change waits, and is then judged on the status this one left. Returns empty when
     * nothing moved (no such order, already there, or the move is not allowed), so a duplicate changes nothing.
     */
    default Optional<StatusMove> transition(
            String reference, OrderStatus to, String detail, String stripeEventId, String paymentIntent) {
        String[] from = Arrays.stream(OrderStatus.values())
                .filter(status -> status.canMoveTo(to))
                .map(OrderStatus::value)
                .toArray(String[]::new);
        return moveStatus(reference, from, to.value(), detail, paymentIntent, stripeEventId);
    }

    @SqlQuery("""
            WITH previous AS (
                SELECT id, status FROM orders WHERE reference = :reference FOR UPDATE),
            moved AS (
                UPDATE orders SET status = :to, status_detail = :detail, updated_at = now(),
                    paid_at = CASE WHEN :to = 'paid' THEN now() ELSE orders.paid_at END,
                    stripe_payment_intent_id = coalesce(:paymentIntent, orders.stripe_payment_intent_id)
                FROM previous
                WHERE orders.id = previous.id AND previous.status = any(:from) AND orders.status = any(:from)
                RETURNING orders.id, previous.status AS from_status, orders.created_at, orders.paid_at),
            recorded AS (
                INSERT INTO order_status_changes (order_id, from_status, to_status, reason, stripe_event_id)
                SELECT id, from_status, :to, :detail, :eventId FROM moved)
            SELECT id, created_at, paid_at FROM moved""")
    @RegisterConstructorMapper(StatusMove.class)
    Optional<StatusMove> moveStatus(
            @Bind("reference") String reference,
            @Bind("from") String[] from,
            @Bind("to") String to,
            @Bind("detail") String detail,
            @Bind("paymentIntent") String paymentIntent,
            @Bind("eventId") String stripeEventId);
}
