package com.orderengine.bench;

import com.orderengine.bench.checkout.CartGenerator;
import com.orderengine.bench.checkout.CheckoutCall;
import com.orderengine.bench.checkout.CreatedOrder;
import com.orderengine.bench.http.BenchHttp;
import com.orderengine.bench.load.ClosedLoop;
import com.orderengine.bench.load.Measured;
import com.orderengine.bench.load.StepRunner;
import com.orderengine.bench.payment.OrderSource;
import com.orderengine.bench.payment.PaidEvents;
import com.orderengine.bench.payment.WebhookCall;
import com.orderengine.bench.resources.Monitored;
import com.orderengine.bench.results.StepResult;
import com.orderengine.bench.stack.Target;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The engine's measured steps, shared by the main run and the growth test. */
public final class EngineSteps {

    private final StepRunner runner;
    private final BenchHttp http;
    private final Target target;
    private final CartGenerator carts;
    private final PaidEvents events;
    private final Duration pollInterval;
    private final Monitored monitored;
    private final Queue<String> paidOrders;

    public EngineSteps(
            StepRunner runner,
            BenchHttp http,
            Target target,
            CartGenerator carts,
            PaidEvents events,
            Duration pollInterval,
            Monitored monitored,
            Queue<String> paidOrders) {
        this.runner = runner;
        this.http = http;
        this.target = target;
        this.carts = carts;
        this.events = events;
        this.pollInterval = pollInterval;
        this.monitored = monitored;
        this.paidOrders = paidOrders;
    }

    /** Checkouts at {@code clients}; the orders created (warm-up included) go to {@code created}. */
    public StepResult checkout(int clients, Queue<CreatedOrder> created) throws InterruptedException {
        Measured measured = runner.forDuration(
                clients, monitored, () -> new CheckoutCall(http, target.api("/api/checkout"), carts, created));
        return Progress.report(StepResult.of(
                CheckoutCall.METRIC,
                StepResult.ENGINE,
                clients,
                measured.metric(CheckoutCall.METRIC),
                measured.resources()));
    }

    /** Pays orders from {@code created} (or new ones): webhook accepted, webhook until paid, the reads between. */
    public List<StepResult> webhooks(int clients, Queue<CreatedOrder> created) throws InterruptedException {
        OrderSource orders = new OrderSource(created, http, target.api("/api/checkout"), carts);
        Measured measured = runner.forDuration(
                clients, monitored, () -> new WebhookCall(http, target, orders, events, pollInterval, paidOrders));
        return List.of(
                Progress.report(StepResult.of(
                        WebhookCall.ACCEPTED,
                        StepResult.ENGINE,
                        clients,
                        measured.metric(WebhookCall.ACCEPTED),
                        measured.resources())),
                Progress.report(StepResult.of(
                        WebhookCall.PAID,
                        StepResult.ENGINE,
                        clients,
                        measured.metric(WebhookCall.PAID),
                        measured.resources())),
                Progress.report(StepResult.of(
                        WebhookCall.READ,
                        StepResult.ENGINE,
                        clients,
                        measured.metric(WebhookCall.READ),
                        measured.resources())));
    }

    /**
     * Checkouts and payments at {@code clients} for {@code duration} each, nothing measured: brings a fresh engine
     * JVM (its JIT above all) to where the later steps find it, before a measurement that comes first.
     */
    public void warmUp(int clients, Duration duration, Queue<CreatedOrder> created) throws InterruptedException {
        OrderSource orders = new OrderSource(created, http, target.api("/api/checkout"), carts);
        ClosedLoop.forDuration(
                clients,
                duration,
                Duration.ZERO,
                () -> new CheckoutCall(http, target.api("/api/checkout"), carts, created),
                () -> {});
        ClosedLoop.forDuration(
                clients,
                duration,
                Duration.ZERO,
                () -> new WebhookCall(http, target, orders, events, pollInterval, new ConcurrentLinkedQueue<>()),
                () -> {});
    }

    public Monitored monitored() {
        return monitored;
    }
}
