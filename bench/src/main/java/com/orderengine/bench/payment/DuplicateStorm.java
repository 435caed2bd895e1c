package com.orderengine.bench.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.bench.checkout.CreatedOrder;
import com.orderengine.bench.db.ShopDatabase;
import com.orderengine.bench.http.BenchHttp;
import com.orderengine.bench.load.LoadCall;
import com.orderengine.bench.load.Measured;
import com.orderengine.bench.load.Samples;
import com.orderengine.bench.load.StepRunner;
import com.orderengine.bench.resources.Monitored;
import com.orderengine.bench.results.StepResult;
import com.orderengine.bench.results.StormResult;
import com.orderengine.bench.stack.Target;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

/**
 * Stripe retries and redelivers: the same signed event, many times, many at once. Every delivery must be answered
 * 2xx, and the order must move to paid exactly once.
 */
public final class DuplicateStorm {

    public static final String STEP = "duplicate storm";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchHttp http;
    private final Target target;
    private final PaidEvents events;
    private final ShopDatabase database;

    public DuplicateStorm(BenchHttp http, Target target, PaidEvents events, ShopDatabase database) {
        this.http = http;
        this.target = target;
        this.events = events;
        this.database = database;
    }

    public StormResult run(CreatedOrder order, int deliveries, int parallelism, Monitored monitored) throws Exception {
        SignedEvent event = events.forOrder(order);
        Measured measured = StepRunner.forCount(parallelism, deliveries, monitored, () -> new LoadCall() {
            @Override
            public String metric() {
                return STEP;
            }

            @Override
            public void call(Samples samples) throws Exception {
                long start = System.nanoTime();
                HttpResponse<String> response = http.post(
                        target.api("/api/webhooks/stripe"),
                        "application/json",
                        event.payload(),
                        Map.of("Stripe-Signature", event.signature()));
                long nanos = System.nanoTime() - start;
                if (BenchHttp.ok(response)) {
                    samples.ok(STEP, String.valueOf(response.statusCode()), nanos);
                } else {
                    samples.error(STEP, String.valueOf(response.statusCode()));
                }
            }
        });
        String status = awaitPaid(order);
        long transitions = paidTransitions(order);
        return new StormResult(
                order.orderId(),
                deliveries,
                parallelism,
                StepResult.of(STEP, StepResult.ENGINE, parallelism, measured.metric(STEP), measured.resources()),
                status,
                transitions);
    }

    private String awaitPaid(CreatedOrder order) throws Exception {
        long deadline = System.nanoTime() + WebhookCall.PAID_TIMEOUT.toNanos();
        String status = "unknown";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> read = http.get(target.api("/api/orders/" + order.orderId()));
            if (read.statusCode() == 200) {
                status = JSON.readTree(read.body()).path("status").asText();
                if ("paid".equals(status)) {
                    return status;
                }
            }
            Thread.sleep(20);
        }
        return status;
    }

    private long paidTransitions(CreatedOrder order) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM order_status_changes c JOIN orders o ON o.id = c.order_id "
                                + "WHERE o.reference = ? AND c.to_status = 'paid'")) {
            query.setString(1, order.orderId());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
