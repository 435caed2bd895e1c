package com.orderengine.bench.growth;

import com.orderengine.bench.db.ShopDatabase;
import com.orderengine.order.db.OrderDao;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The plans of the engine's two order lookups, with the engine's own column list: by session id (the success
 * page, and the seed's webhook) and by reference (every order read and every status change). The generic plan is
 * what a prepared statement with {@code $1} gets; the analysed one runs with a real value.
 */
public final class QueryPlans {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    private final ShopDatabase database;

    public QueryPlans(ShopDatabase database) {
        this.database = database;
    }

    public Map<String, String> explain(String sessionId, String reference) {
        String bySession = "SELECT " + OrderDao.ORDER_COLUMNS + " FROM orders WHERE stripe_session_id = ";
        String byReference = "SELECT " + OrderDao.ORDER_COLUMNS + " FROM orders WHERE reference = ";
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put(
                "session-id lookup, generic plan (`… WHERE stripe_session_id = $1`)",
                plan("EXPLAIN (GENERIC_PLAN) " + bySession + "$1"));
        plans.put(
                "session-id lookup, `EXPLAIN (ANALYZE, BUFFERS)` for " + sessionId,
                plan("EXPLAIN (ANALYZE, BUFFERS) " + bySession + literal(sessionId)));
        plans.put(
                "reference lookup, generic plan (`… WHERE reference = $1`)",
                plan("EXPLAIN (GENERIC_PLAN) " + byReference + "$1"));
        plans.put(
                "reference lookup, `EXPLAIN (ANALYZE, BUFFERS)` for " + reference,
                plan("EXPLAIN (ANALYZE, BUFFERS) " + byReference + literal(reference)));
        return plans;
    }

    private String plan(String sql) {
        try (Connection connection = database.connectSimple();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            StringBuilder plan = new StringBuilder();
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
            return plan.toString();
        } catch (SQLException e) {
            // GENERIC_PLAN needs PostgreSQL 16; an older server still gets the analysed plan.
            return "(not available: " + e.getMessage() + ")";
        }
    }

    /** The values are our own ids; checked anyway, since they are pasted into SQL. */
    private static String literal(String value) {
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("unexpected characters in " + value);
        }
        return "'" + value + "'";
    }
}
