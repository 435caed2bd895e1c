package com.orderengine.bench.growth;

import com.orderengine.bench.db.ShopDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * History for the growth test, written straight into the shop database: orders numbered n, with reference
 * {@code bulk-<n, 17 digits>}, session {@code cs_test_bulk_<n>}, two items and one status change each. They are
 * {@code paid} (4 in 5) or {@code expired}, as a shop's old orders are: never {@code pending}, so the worker's
 * recovery pass has nothing to adopt. One {@code INSERT … SELECT} per table.
 */
public final class BulkOrders {

    static final String PREFIX = "bulk-";

    private static final String CATALOGUE = "WITH catalogue AS (SELECT row_number() OVER (ORDER BY id) - 1 AS idx, "
            + "id, name, price FROM products), size AS (SELECT count(*) AS n FROM products) ";

    private static final String ORDERS = CATALOGUE
            + "INSERT INTO orders (reference, email, currency, total, status, status_detail, stripe_session_id, "
            + "stripe_session_url, stripe_session_expires_at, stripe_payment_intent_id, created_at, updated_at, "
            + "paid_at) "
            + "SELECT 'bulk-' || lpad(g::text, 17, '0'), 'bulk' || g || '@example.com', 'usd', "
            + "a.price * (1 + g % 3) + b.price * (1 + (g + 1) % 3), "
            + "CASE WHEN g % 5 = 0 THEN 'expired' ELSE 'paid' END, 'bulk benchmark order', 'cs_test_bulk_' || g, "
            + "'https://checkout.stripe.com/c/pay/cs_test_bulk_' || g, t.at + interval '60 minutes', "
            + "CASE WHEN g % 5 = 0 THEN NULL ELSE 'pi_bulk_' || g END, t.at, t.at, "
            + "CASE WHEN g % 5 = 0 THEN NULL ELSE t.at + interval '2 minutes' END "
            + "FROM generate_series(?::bigint, ?::bigint) AS g CROSS JOIN size "
            + "JOIN catalogue a ON a.idx = g % size.n JOIN catalogue b ON b.idx = (g + 1) % size.n "
            + "CROSS JOIN LATERAL (SELECT now() - (g % 525600) * interval '1 minute' AS at) AS t";

    private static final String ITEMS = CATALOGUE
            + "INSERT INTO order_items (order_id, product_id, product_name, quantity, price) "
            + "SELECT o.id, c.id, c.name, 1 + (n.g + k) % 3, c.price "
            + "FROM orders o CROSS JOIN LATERAL (SELECT substr(o.reference, 6)::bigint AS g) AS n "
            + "CROSS JOIN generate_series(0, 1) AS k CROSS JOIN size "
            + "JOIN catalogue c ON c.idx = (n.g + k) % size.n "
            + "WHERE o.reference BETWEEN ? AND ?";

    private static final String STATUS_CHANGES = "INSERT INTO order_status_changes "
            + "(order_id, from_status, to_status, reason, changed_at) "
            + "SELECT id, 'pending', status, 'bulk benchmark order', updated_at FROM orders "
            + "WHERE reference BETWEEN ? AND ?";

    private final ShopDatabase database;

    public BulkOrders(ShopDatabase database) {
        this.database = database;
    }

    /** The highest bulk number so far; bulk session ids run from 1 to it. */
    public long highest() {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT coalesce(max(substr(reference, 6)::bigint), 0) "
                        + "FROM orders WHERE reference LIKE 'bulk-%'")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the bulk orders: " + e.getMessage(), e);
        }
    }

    /** Adds {@code count} orders after the highest existing one, then refreshes the planner's statistics. */
    public void insert(long count) {
        if (count <= 0) {
            return;
        }
        long from = highest() + 1;
        long to = from + count - 1;
        try (Connection connection = database.connect()) {
            try (PreparedStatement orders = connection.prepareStatement(ORDERS)) {
                orders.setLong(1, from);
                orders.setLong(2, to);
                orders.executeUpdate();
            }
            for (String sql : new String[] {ITEMS, STATUS_CHANGES}) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, reference(from));
                    statement.setString(2, reference(to));
                    statement.executeUpdate();
                }
            }
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE orders");
                analyze.execute("ANALYZE order_items");
                analyze.execute("ANALYZE order_status_changes");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk insert failed: " + e.getMessage(), e);
        }
    }

    static String reference(long number) {
        return PREFIX + String.format("%017d", number);
    }

    public static String sessionId(long number) {
        return "cs_test_bulk_" + number;
    }
}
