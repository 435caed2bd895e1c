package com.orderengine.bench.growth;

import com.orderengine.bench.EngineSteps;
import com.orderengine.bench.Progress;
import com.orderengine.bench.checkout.CreatedOrder;
import com.orderengine.bench.db.ShopDatabase;
import com.orderengine.bench.http.BenchHttp;
import com.orderengine.bench.load.Measured;
import com.orderengine.bench.load.StepRunner;
import com.orderengine.bench.options.Durations;
import com.orderengine.bench.results.GrowthMeasurement;
import com.orderengine.bench.results.StepResult;
import com.orderengine.bench.stack.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Does a request cost the same with a thousand orders in the database as with a million? Checkout, the
 * session-id lookup and webhook → paid, measured at one concurrency before and after a bulk insert.
 */
public final class GrowthTest {

    /** "About a thousand orders" for the first measurement. */
    static final long SMALL = 1_000;

    private final EngineSteps engine;
    private final StepRunner runner;
    private final BenchHttp http;
    private final Target target;
    private final ShopDatabase database;
    private final BulkOrders bulk;
    private final int clients;

    public GrowthTest(
            EngineSteps engine, StepRunner runner, BenchHttp http, Target target, ShopDatabase database, int clients) {
        this.engine = engine;
        this.runner = runner;
        this.http = http;
        this.target = target;
        this.database = database;
        this.bulk = new BulkOrders(database);
        this.clients = clients;
    }

    /**
     * Warms the engine up (this comes before every other step), brings the database up to about a thousand orders
     * (bulk ones fill the gap), then measures.
     */
    public GrowthMeasurement small(Duration warmUp) throws InterruptedException {
        Progress.say("growth: warming the engine up (" + Durations.format(warmUp.multipliedBy(2)) + ", unmeasured)");
        engine.warmUp(clients, warmUp, new ConcurrentLinkedQueue<>());
        long missing = SMALL - database.orderCount();
        // The session lookups need bulk sessions to ask for, even in a database that has enough orders.
        bulk.insert(bulk.highest() == 0 ? Math.max(missing, 100) : missing);
        return measure();
    }

    /** Bulk-inserts up to {@code total} orders in all; returns how long the insert took. */
    public Duration grow(long total) {
        long missing = total - database.orderCount();
        Progress.say("growth: bulk-inserting " + Math.max(0, missing) + " orders");
        long start = System.nanoTime();
        bulk.insert(missing);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Progress.say(String.format(
                "growth: inserted in %.1f s; %d orders in the database",
                took.toMillis() / 1000.0, database.orderCount()));
        return took;
    }

    public GrowthMeasurement measure() throws InterruptedException {
        long orders = database.orderCount();
        Progress.say("growth: measuring with " + orders + " orders in the database");
        long bulkOrders = bulk.highest();
        List<StepResult> steps = new ArrayList<>();
        Queue<CreatedOrder> created = new ConcurrentLinkedQueue<>();
        steps.add(engine.checkout(clients, created));
        if (bulkOrders > 0) {
            Measured lookups = runner.forDuration(
                    clients, engine.monitored(), () -> new SessionLookupCall(http, target, bulkOrders));
            steps.add(Progress.report(StepResult.of(
                    SessionLookupCall.METRIC,
                    StepResult.ENGINE,
                    clients,
                    lookups.metric(SessionLookupCall.METRIC),
                    lookups.resources())));
        }
        steps.addAll(engine.webhooks(clients, created));
        long sample = Math.max(1, bulkOrders / 2);
        return new GrowthMeasurement(
                orders + " orders",
                orders,
                steps,
                new QueryPlans(database).explain(BulkOrders.sessionId(sample), BulkOrders.reference(sample)));
    }
}
