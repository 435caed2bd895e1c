package com.orderengine.bench.results;

import com.orderengine.bench.load.LatencySummary;
import com.orderengine.bench.load.MetricResult;
import com.orderengine.bench.resources.ResourceUsage;
import java.util.Map;
import java.util.TreeMap;

/** One row of the report: a step, for one system at one concurrency. Latency in ms, of successful calls only. */
public record StepResult(
        String step,
        String system,
        int concurrency,
        long requests,
        double perSecond,
        double seconds,
        LatencySummary latency,
        long errors,
        Map<String, Long> outcomes,
        ResourceUsage resources) {

    public static final String ENGINE = "engine";
    public static final String BASELINE = "baseline";

    public StepResult {
        outcomes = new TreeMap<>(outcomes);
    }

    public static StepResult of(
            String step, String system, int concurrency, MetricResult metric, ResourceUsage resources) {
        return new StepResult(
                step,
                system,
                concurrency,
                metric.requests(),
                metric.perSecond(),
                metric.seconds(),
                metric.latency(),
                metric.errors(),
                metric.outcomes(),
                resources);
    }
}
