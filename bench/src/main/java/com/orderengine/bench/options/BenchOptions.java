package com.orderengine.bench.options;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a run is told. {@code target} null means: start a local stack as a child JVM. The connection
 * settings (database, Stripe, secrets) are only read when {@code target} is given; a started stack brings its own.
 */
public record BenchOptions(
        URI target,
        URI targetAdmin,
        Long targetPid,
        String jdbcUrl,
        Long dbPid,
        String dbUser,
        String dbPassword,
        String stripeApiBase,
        String stripeSecretKey,
        String webhookSecret,
        boolean payAtEmulator,
        Duration duration,
        Duration warmup,
        Duration jitWarmupLimit,
        List<Integer> concurrency,
        List<Integer> paymentConcurrency,
        int stormEvents,
        int stormParallelism,
        Duration pollInterval,
        boolean growth,
        int growthOrders,
        int growthConcurrency,
        String serverHeap,
        TemporalMode temporal,
        Path results,
        boolean quick) {

    public BenchOptions {
        concurrency = List.copyOf(concurrency);
        paymentConcurrency = List.copyOf(paymentConcurrency);
    }

    public boolean startsStack() {
        return target == null;
    }
}
