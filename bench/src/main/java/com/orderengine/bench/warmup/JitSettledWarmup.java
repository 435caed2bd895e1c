package com.orderengine.bench.warmup;

import com.orderengine.bench.load.ClosedLoop;
import com.orderengine.bench.load.LoadCall;
import com.orderengine.bench.load.MetricResult;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Unmeasured load until the server's JIT has done its work, so that no system is measured while it is still being
 * compiled. A fixed warm-up favours the smaller program: in one run the baseline's 1-client checkout went from
 * 128 to 347 req/s between its first and its last step, and the engine's JVM still spent a fifth of a core in C2
 * two minutes into its load. The load runs in windows; it stops when the JIT compiler threads used less than
 * {@link #SETTLED_PERCENT} of one core in a window, or at the limit.
 */
public final class JitSettledWarmup {

    /** Below this share of one core used by the compiler threads, the JIT counts as settled. */
    public static final double SETTLED_PERCENT = 5.0;

    private final Duration window;
    private final Duration limit;

    public JitSettledWarmup(Duration window, Duration limit) {
        this.window = window;
        this.limit = limit;
    }

    /** {@code compiledMillis} reads the CPU time of the server's JIT threads; empty when it cannot be read. */
    public WarmupResult run(String system, int clients, Supplier<OptionalLong> compiledMillis, Supplier<LoadCall> calls)
            throws InterruptedException {
        long started = System.nanoTime();
        long requests = 0;
        double lastPercent = -1;
        OptionalLong compiledBefore = compiledMillis.get();
        while (true) {
            Map<String, MetricResult> window =
                    ClosedLoop.forDuration(clients, Duration.ZERO, this.window, calls, () -> {});
            requests += window.values().stream()
                    .mapToLong(result -> result.ok() + result.errors())
                    .max()
                    .orElse(0);
            OptionalLong compiledAfter = compiledMillis.get();
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (compiledBefore.isEmpty() || compiledAfter.isEmpty()) {
                // No JIT reading (an attach refused, a target without a pid): the limit is the warm-up.
                if (elapsed >= limit.toSeconds()) {
                    return new WarmupResult(system, clients, elapsed, requests, -1, false);
                }
                continue;
            }
            lastPercent = percentOfWindow(compiledAfter.getAsLong() - compiledBefore.getAsLong());
            if (lastPercent < SETTLED_PERCENT) {
                return new WarmupResult(system, clients, elapsed, requests, lastPercent, true);
            }
            if (elapsed >= limit.toSeconds()) {
                return new WarmupResult(system, clients, elapsed, requests, lastPercent, false);
            }
            compiledBefore = compiledAfter;
        }
    }

    /** A compiler thread the JVM stopped takes its time with it; such a window counts as not compiling. */
    double percentOfWindow(long compileMillis) {
        return 100.0 * Math.max(0, compileMillis) / window.toMillis();
    }
}
