package com.orderengine.bench.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/** The benchmark's own reads and writes in the shop database: counts, checks, and tidying the baseline's rows. */
public final class ShopDatabase {

    /** Baseline orders carry this prefix, so they can be told apart from the engine's. */
    public static final String BASELINE_REFERENCE_PREFIX = "baseline-";

    private final String url;
    private final String user;
    private final String password;

    public ShopDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * A connection sending every statement as plain text (the simple query protocol): EXPLAIN (GENERIC_PLAN) with
     * a {@code $1} in it has no parameter to bind, which the extended protocol refuses.
     */
    public Connection connectSimple() throws SQLException {
        return DriverManager.getConnection(
                url + (url.contains("?") ? "&" : "?") + "preferQueryMode=simple", user, password);
    }

    public long orderCount() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM orders")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count orders: " + e.getMessage(), e);
        }
    }

    /**
     * The worker adopts every pending order with a reference and a session id that has no workflow (its recovery
     * pass, every 5 minutes), and the baseline's orders look exactly like that. Left pending, they would become
     * engine workflows in the middle of a later step; marked expired, they are left alone.
     */
    public int retireBaselineOrders() {
        try (Connection connection = connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE orders SET status = 'expired', status_detail = 'baseline benchmark order' "
                                + "WHERE status = 'pending' AND reference LIKE ?")) {
            update.setString(1, BASELINE_REFERENCE_PREFIX + "%");
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not retire the baseline's orders: " + e.getMessage(), e);
        }
    }

    /** How many of these orders are paid, and how many of those were moved to paid exactly once. */
    public PaidCheck checkPaid(Collection<String> references) {
        String sql = "SELECT o.status, (SELECT count(*) FROM order_status_changes c "
                + "WHERE c.order_id = o.id AND c.to_status = 'paid') AS paid_moves "
                + "FROM orders o WHERE o.reference = any(?)";
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", references.toArray());
            query.setArray(1, array);
            long found = 0;
            long paid = 0;
            long paidOnce = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found++;
                    if ("paid".equals(rows.getString(1))) {
                        paid++;
                    }
                    if (rows.getLong(2) == 1) {
                        paidOnce++;
                    }
                }
            }
            return new PaidCheck(references.size(), found, paid, paidOnce);
        } catch (SQLException e) {
            throw new IllegalStateException("could not check paid orders: " + e.getMessage(), e);
        }
    }
}
