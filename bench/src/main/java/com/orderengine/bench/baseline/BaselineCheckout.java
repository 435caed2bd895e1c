package com.orderengine.bench.baseline;

import com.orderengine.bench.db.ShopDatabase;
import com.orderengine.order.MinorUnits;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The seed design's checkout, with nothing durable around it: price the cart with one query, create the Checkout
 * Session, store the order and its items in one transaction, answer. A crash between the Stripe call and the
 * insert loses the order; that is the difference the engine pays for.
 */
final class BaselineCheckout {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final DataSource database;
    private final StripeClient stripe;
    private final BaselineSettings settings;

    BaselineCheckout(DataSource database, StripeClient stripe, BaselineSettings settings) {
        this.database = database;
        this.stripe = stripe;
        this.settings = settings;
    }

    /** Returns {orderId, url}. */
    Map<String, String> checkout(CheckoutBody body, String idempotencyKey) {
        List<CartLine> cart = CartValidator.validate(body);
        List<PricedLine> lines = price(cart);
        BigDecimal total = lines.stream().map(PricedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        String reference = reference();
        Session session = createSession(lines, body.email(), idempotencyKey == null ? reference : idempotencyKey);
        store(reference, body.email(), total, session, lines);
        return Map.of("orderId", reference, "url", session.getUrl());
    }

    private List<PricedLine> price(List<CartLine> cart) {
        Map<Integer, PricedLine> products = new HashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT id, name, price FROM products WHERE id = any(?)")) {
            query.setArray(
                    1,
                    connection.createArrayOf(
                            "integer", cart.stream().map(CartLine::productId).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    products.put(
                            rows.getInt(1),
                            new PricedLine(rows.getInt(1), rows.getString(2), 0, rows.getBigDecimal(3)));
                }
            }
        } catch (SQLException e) {
            throw new CheckoutRefused(503, "database unavailable: " + e.getMessage());
        }
        List<PricedLine> lines = new ArrayList<>();
        for (int i = 0; i < cart.size(); i++) {
            CartLine line = cart.get(i);
            PricedLine product = products.get(line.productId());
            if (product == null) {
                throw new CheckoutRefused(
                        422, "items[" + i + "].productId: product " + line.productId() + " does not exist");
            }
            lines.add(new PricedLine(product.productId(), product.name(), line.quantity(), product.unitPrice()));
        }
        return lines;
    }

    private Session createSession(List<PricedLine> lines, String email, String idempotencyKey) {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(settings.siteUrl() + "/checkout/success?session_id={CHECKOUT_SESSION_ID}")
                .setCancelUrl(settings.siteUrl() + "/cart");
        if (email != null) {
            params.setCustomerEmail(email);
        }
        for (PricedLine line : lines) {
            params.addLineItem(SessionCreateParams.LineItem.builder()
                    .setQuantity((long) line.quantity())
                    .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(settings.currency())
                            .setUnitAmount(minorUnits(line.unitPrice()))
                            .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(line.name())
                                    .build())
                            .build())
                    .build());
        }
        try {
            return stripe.v1()
                    .checkout()
                    .sessions()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey("baseline-" + idempotencyKey)
                                    .build());
        } catch (StripeException e) {
            throw new CheckoutRefused(502, "Stripe refused the session: " + e.getMessage());
        }
    }

    private void store(String reference, String email, BigDecimal total, Session session, List<PricedLine> lines) {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int orderId;
                try (PreparedStatement order = connection.prepareStatement(
                        "INSERT INTO orders (reference, email, currency, total, status, stripe_session_id, "
                                + "stripe_session_url) VALUES (?, ?, ?, ?, 'pending', ?, ?) RETURNING id")) {
                    order.setString(1, reference);
                    order.setString(2, email);
                    order.setString(3, settings.currency());
                    order.setBigDecimal(4, total);
                    order.setString(5, session.getId());
                    order.setString(6, session.getUrl());
                    try (ResultSet id = order.executeQuery()) {
                        id.next();
                        orderId = id.getInt(1);
                    }
                }
                try (PreparedStatement items = connection.prepareStatement(
                        "INSERT INTO order_items (order_id, product_id, product_name, quantity, price) "
                                + "VALUES (?, ?, ?, ?, ?)")) {
                    for (PricedLine line : lines) {
                        items.setInt(1, orderId);
                        items.setInt(2, line.productId());
                        items.setString(3, line.name());
                        items.setInt(4, line.quantity());
                        items.setBigDecimal(5, line.unitPrice());
                        items.addBatch();
                    }
                    items.executeBatch();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The session exists at Stripe and the order does not: the seed design's lost order.
            throw new CheckoutRefused(503, "database unavailable: " + e.getMessage());
        }
    }

    /** Random like the engine's order ids, with a prefix so the benchmark can find the baseline's rows. */
    private static String reference() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ShopDatabase.BASELINE_REFERENCE_PREFIX + ENCODER.encodeToString(bytes);
    }

    /** The engine's own conversion: exact, never through double. */
    private long minorUnits(BigDecimal amount) {
        return MinorUnits.fromDecimal(amount, settings.currency());
    }
}
