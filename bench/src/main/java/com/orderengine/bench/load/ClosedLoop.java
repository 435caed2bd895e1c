package com.orderengine.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * N clients, each sending its next request when the previous one has been answered. The load therefore adapts to
 * the server: a slow answer delays the next request instead of queueing behind it, which hides the waiting an
 * open arrival rate would cause (coordinated omission). The report says so next to every figure.
 */
public final class ClosedLoop {

    private ClosedLoop() {}

    /**
     * Runs for {@code warmup + duration}; only calls started after the warm-up and before the end are measured.
     * The measured time runs from the end of the warm-up until the last measured call has been answered.
     * {@code atMeasureStart} runs when the warm-up ends (the resource sampler starts there).
     */
    public static Map<String, MetricResult> forDuration(
            int clients, Duration warmup, Duration duration, Supplier<LoadCall> calls, Runnable atMeasureStart)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        AtomicLong lastAnswer = new AtomicLong(measureFrom);
        List<ClientSamples> perClient = run(
                clients,
                calls,
                () -> {
                    long untilMeasuring = measureFrom - System.nanoTime();
                    if (untilMeasuring > 0) {
                        Thread.sleep(untilMeasuring / 1_000_000, (int) (untilMeasuring % 1_000_000));
                    }
                    atMeasureStart.run();
                },
                (call, samples) -> {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= measureUntil) {
                            return;
                        }
                        perform(call, now >= measureFrom ? samples : Samples.DISCARD);
                        if (now >= measureFrom) {
                            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                        }
                    }
                });
        return merge(perClient, (lastAnswer.get() - measureFrom) / 1e9);
    }

    /** Exactly {@code total} calls shared among the clients, all measured (no warm-up). */
    public static Map<String, MetricResult> forCount(int clients, int total, Supplier<LoadCall> calls)
            throws InterruptedException {
        AtomicLong remaining = new AtomicLong(total);
        long start = System.nanoTime();
        List<ClientSamples> perClient = run(clients, calls, () -> {}, (call, samples) -> {
            while (remaining.getAndDecrement() > 0) {
                perform(call, samples);
            }
        });
        return merge(perClient, (System.nanoTime() - start) / 1e9);
    }

    private interface ClientLoop {
        void run(LoadCall call, Samples samples);
    }

    private interface WhileRunning {
        void run() throws InterruptedException;
    }

    private static List<ClientSamples> run(
            int clients, Supplier<LoadCall> calls, WhileRunning meanwhile, ClientLoop loop)
            throws InterruptedException {
        List<ClientSamples> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ClientSamples samples = new ClientSamples();
            LoadCall call = calls.get();
            perClient.add(samples);
            threads.add(new Thread(() -> loop.run(call, samples), "bench-client-" + i));
        }
        threads.forEach(Thread::start);
        meanwhile.run();
        for (Thread thread : threads) {
            thread.join();
        }
        return perClient;
    }

    private static void perform(LoadCall call, Samples samples) {
        try {
            call.call(samples);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("a benchmark client was interrupted", e);
        } catch (Exception e) {
            samples.error(call.metric(), e.getClass().getSimpleName());
        }
    }

    static Map<String, MetricResult> merge(List<ClientSamples> perClient, double seconds) {
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        Map<String, Long> errors = new LinkedHashMap<>();
        Map<String, Map<String, Long>> outcomes = new LinkedHashMap<>();
        for (ClientSamples client : perClient) {
            client.latencies.forEach((metric, histogram) -> latencies
                    .computeIfAbsent(metric, ignored -> ClientSamples.newHistogram())
                    .add(histogram));
            client.errors.forEach((metric, count) -> errors.merge(metric, count, Long::sum));
            client.outcomes.forEach((metric, counts) -> counts.forEach(
                    (outcome, count) -> outcomes.computeIfAbsent(metric, ignored -> new LinkedHashMap<>())
                            .merge(outcome, count, Long::sum)));
        }
        Map<String, MetricResult> results = new LinkedHashMap<>();
        latencies.forEach((metric, histogram) -> results.put(
                metric,
                new MetricResult(
                        histogram.getTotalCount(),
                        errors.getOrDefault(metric, 0L),
                        seconds,
                        LatencySummary.of(histogram),
                        outcomes.getOrDefault(metric, Map.of()))));
        return results;
    }
}
