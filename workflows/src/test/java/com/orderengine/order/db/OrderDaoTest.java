package com.orderengine.order.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.order.OrderReference;
import com.orderengine.order.OrderStatus;
import com.orderengine.order.PricedLine;
import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OrderDaoTest {

    private static final TestDatabase database = TestPostgres.newDatabase();
    private final OrderDao orders = database.jdbi().onDemand(OrderDao.class);

    @Test
    void anOrderIsCreatedOnceWithItsItemsAndFirstStatus() {
        String reference = OrderReference.random();
        List<PricedLine> lines = List.of(new PricedLine(1, "Ceramic Mug", 2, new BigDecimal("14.00"), 1400));

        assertThat(orders.createOrder(reference, "a@example.com", "usd", new BigDecimal("28.00"), lines))
                .isPresent();
        assertThat(orders.createOrder(reference, "a@example.com", "usd", new BigDecimal("28.00"), lines))
                .isEmpty();

        OrderRecord order = orders.findByReference(reference).orElseThrow();
        assertThat(order.status()).isEqualTo("pending");
        assertThat(order.total()).isEqualByComparingTo("28.00");
        assertThat(orders.findItems(order.id()))
                .containsExactly(new OrderItemRecord(1, "Ceramic Mug", 2, new BigDecimal("14.00")));
        assertThat(orders.findStatusChanges(order.id()))
                .extracting(StatusChangeRecord::toStatus)
                .containsExactly("pending");
    }

    @Test
    void concurrentCreatesOfOneOrderWriteItOnce() throws Exception {
        String reference = OrderReference.random();
        List<PricedLine> lines = List.of(
                new PricedLine(1, "Ceramic Mug", 2, new BigDecimal("14.00"), 1400),
                new PricedLine(2, "Canvas Tote", 1, new BigDecimal("19.99"), 1999));
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            attempts.add(() -> orders.createOrder(reference, "a@example.com", "usd", new BigDecimal("47.99"), lines)
                    .isPresent());
        }

        assertThat(succeededRacing(attempts)).isEqualTo(1);
        OrderRecord order = orders.findByReference(reference).orElseThrow();
        assertThat(orders.findItems(order.id()))
                .containsExactly(
                        new OrderItemRecord(1, "Ceramic Mug", 2, new BigDecimal("14.00")),
                        new OrderItemRecord(2, "Canvas Tote", 1, new BigDecimal("19.99")));
        assertThat(orders.findStatusChanges(order.id())).hasSize(1);
    }

    @Test
    void transitionsFollowOrderStatusAndNeverGoBackwards() {
        String reference = newOrder();

        StatusMove paid = orders.transition(reference, OrderStatus.PAID, "paid", "evt_1", "pi_1")
                .orElseThrow();
        assertThat(orders.transition(reference, OrderStatus.PAID, "again", "evt_1", "pi_1"))
                .isEmpty();
        assertThat(orders.transition(reference, OrderStatus.EXPIRED, "late expiry", "evt_2", null))
                .isEmpty();
        assertThat(orders.transition(reference, OrderStatus.REFUNDED, "refund", "evt_3", null))
                .isPresent();
        assertThat(orders.transition(reference, OrderStatus.PAID, "paid after refund", "evt_4", null))
                .isEmpty();
        assertThat(orders.transition(OrderReference.random(), OrderStatus.PAID, "no such order", null, null))
                .isEmpty();

        OrderRecord order = orders.findByReference(reference).orElseThrow();
        assertThat(order.status()).isEqualTo("refunded");
        assertThat(order.paidAt()).isNotNull();
        assertThat(paid)
                .as("the row as the paid transition left it, for the checkout-to-paid timer")
                .isEqualTo(new StatusMove(order.id(), order.createdAt(), order.paidAt()));
        assertThat(order.stripePaymentIntentId()).isEqualTo("pi_1");
        assertThat(orders.findStatusChanges(order.id()))
                .extracting(change -> change.fromStatus() + "->" + change.toStatus())
                .containsExactly("null->pending", "pending->paid", "paid->refunded");
    }

    @Test
    void concurrentTransitionsMoveTheOrderExactlyOnce() throws Exception {
        String reference = newOrder();
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            OrderStatus target = i % 2 == 0 ? OrderStatus.PAID : OrderStatus.EXPIRED;
            attempts.add(() ->
                    orders.transition(reference, target, "race", null, null).isPresent());
        }

        assertThat(succeededRacing(attempts)).isEqualTo(1);
        OrderRecord order = orders.findByReference(reference).orElseThrow();
        assertThat(orders.findStatusChanges(order.id())).hasSize(2);
    }

    @Test
    void theSessionIsRecordedOnTheOrder() {
        String reference = newOrder();
        orders.recordCheckoutSession(
                reference, "cs_test_1", "https://pay.example/cs_test_1", Instant.parse("2030-01-01T00:00:00Z"));

        OrderRecord order = orders.findByReference(reference).orElseThrow();
        assertThat(order.stripeSessionId()).isEqualTo("cs_test_1");
        assertThat(order.stripeSessionUrl()).isEqualTo("https://pay.example/cs_test_1");
    }

    /** Runs the attempts 8 at a time; how many answered true. */
    private static int succeededRacing(List<Callable<Boolean>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            int succeeded = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                succeeded += result.get() ? 1 : 0;
            }
            return succeeded;
        } finally {
            pool.shutdown();
        }
    }

    private String newOrder() {
        String reference = OrderReference.random();
        orders.createOrder(
                reference,
                "a@example.com",
                "usd",
                new BigDecimal("9.50"),
                List.of(new PricedLine(3, "Notebook", 1, new BigDecimal("9.50"), 950)));
        return reference;
    }
}
