package com.orderengine.bench.load;

import com.orderengine.bench.resources.Monitored;
import com.orderengine.bench.resources.ResourceSampler;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Runs a closed loop with the resource sampler watching its measured part. */
public final class StepRunner {

    private final Duration warmup;
    private final Duration duration;

    public StepRunner(Duration warmup, Duration duration) {
        this.warmup = warmup;
        this.duration = duration;
    }

    public Measured forDuration(int clients, Monitored monitored, Supplier<LoadCall> calls)
            throws InterruptedException {
        ResourceSampler[] sampler = new ResourceSampler[1];
        try {
            Map<String, MetricResult> metrics = ClosedLoop.forDuration(
                    clients, warmup, duration, calls, () -> sampler[0] = ResourceSampler.start(monitored));
            return new Measured(metrics, sampler[0].finish());
        } finally {
            if (sampler[0] != null) {
                sampler[0].close();
            }
        }
    }

    public static Measured forCount(int clients, int total, Monitored monitored, Supplier<LoadCall> calls)
            throws InterruptedException {
        try (ResourceSampler sampler = ResourceSampler.start(monitored)) {
            Map<String, MetricResult> metrics = ClosedLoop.forCount(clients, total, calls);
            return new Measured(metrics, sampler.finish());
        }
    }
}
