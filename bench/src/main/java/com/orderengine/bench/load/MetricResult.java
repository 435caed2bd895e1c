package com.orderengine.bench.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * One metric of one measured step: successful calls (whose latency is summarised), errors, and how many calls
 * ended each way (a status code, or an exception's name). Errors are kept out of the latency figures.
 */
public record MetricResult(long ok, long errors, double seconds, LatencySummary latency, Map<String, Long> outcomes) {

    public MetricResult {
        outcomes = new TreeMap<>(outcomes);
    }

    public long requests() {
        return ok + errors;
    }

    public double perSecond() {
        return seconds <= 0 ? 0 : requests() / seconds;
    }
}
