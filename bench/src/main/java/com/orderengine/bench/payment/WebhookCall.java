package com.orderengine.bench.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.bench.checkout.CreatedOrder;
import com.orderengine.bench.http.BenchHttp;
import com.orderengine.bench.load.LoadCall;
import com.orderengine.bench.load.Samples;
import com.orderengine.bench.stack.Target;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;

/**
 * One payment as the engine sees it: the signed {@code checkout.session.completed} is sent (timed until the api
 * accepts it), then the order is read every {@code pollInterval} until it says {@code paid} (timed from sending
 * the webhook; each read is timed too). Preparing the event (paying at the emulator, reading the session)
 * happens before the clock starts.
 */
public final class WebhookCall implements LoadCall {

    public static final String ACCEPTED = "webhook accepted";
    public static final String PAID = "webhook to paid";
    /** The reads while waiting for paid: load the measurement itself adds, and the order read path's latency. */
    public static final String READ = "order read";
    /** Far above any healthy figure, far below Stripe's patience: past this the order counts as not paid. */
    static final Duration PAID_TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchHttp http;
    private final Target target;
    private final OrderSource orders;
    private final PaidEvents events;
    private final Duration pollInterval;
    private final Queue<String> paidOrders;

    public WebhookCall(
            BenchHttp http,
            Target target,
            OrderSource orders,
            PaidEvents events,
            Duration pollInterval,
            Queue<String> paidOrders) {
        this.http = http;
        this.target = target;
        this.orders = orders;
        this.events = events;
        this.pollInterval = pollInterval;
        this.paidOrders = paidOrders;
    }

    @Override
    public String metric() {
        return ACCEPTED;
    }

    @Override
    public void call(Samples samples) throws Exception {
        CreatedOrder order = orders.next();
        SignedEvent event = events.forOrder(order);
        long sent = System.nanoTime();
        HttpResponse<String> accepted = http.post(
                target.api("/api/webhooks/stripe"),
                "application/json",
                event.payload(),
                Map.of("Stripe-Signature", event.signature()));
        long acceptedAt = System.nanoTime();
        String status = String.valueOf(accepted.statusCode());
        if (!BenchHttp.ok(accepted)) {
            samples.error(ACCEPTED, status);
            samples.error(PAID, "webhook " + status);
            return;
        }
        samples.ok(ACCEPTED, status, acceptedAt - sent);
        URI orderUri = target.api("/api/orders/" + order.orderId());
        long deadline = sent + PAID_TIMEOUT.toNanos();
        while (true) {
            long readFrom = System.nanoTime();
            HttpResponse<String> read = http.get(orderUri);
            long readAt = System.nanoTime();
            if (read.statusCode() == 200) {
                samples.ok(READ, "200", readAt - readFrom);
            } else {
                samples.error(READ, String.valueOf(read.statusCode()));
            }
            if (read.statusCode() == 200
                    && "paid".equals(JSON.readTree(read.body()).path("status").asText())) {
                samples.ok(PAID, "paid", readAt - sent);
                paidOrders.add(order.orderId());
                return;
            }
            if (readAt >= deadline) {
                samples.error(PAID, "not paid within " + PAID_TIMEOUT.toSeconds() + " s");
                return;
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }
}
