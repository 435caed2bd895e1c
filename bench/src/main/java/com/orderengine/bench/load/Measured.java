package com.orderengine.bench.load;

import com.orderengine.bench.resources.ResourceUsage;
import java.util.Map;

/** A measured step: its metrics and what the processes used meanwhile. */
public record Measured(Map<String, MetricResult> metrics, ResourceUsage resources) {

    public MetricResult metric(String name) {
        MetricResult result = metrics.get(name);
        return result != null ? result : new MetricResult(0, 0, 0, LatencySummary.EMPTY, Map.of());
    }
}
