package com.orderengine.bench.load;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** One client's measurements; each client has its own, so recording takes no lock. Merged when the step ends. */
final class ClientSamples implements Samples {

    /** Up to a minute, to 3 significant digits: a microsecond near 1 ms, a millisecond near 1 s. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    final Map<String, Histogram> latencies = new HashMap<>();
    final Map<String, Long> errors = new HashMap<>();
    final Map<String, Map<String, Long>> outcomes = new HashMap<>();

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    @Override
    public void ok(String metric, String outcome, long nanos) {
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        latencies.computeIfAbsent(metric, ignored -> newHistogram()).recordValue(micros);
        count(metric, outcome);
    }

    @Override
    public void error(String metric, String outcome) {
        errors.merge(metric, 1L, Long::sum);
        latencies.computeIfAbsent(metric, ignored -> newHistogram());
        count(metric, outcome);
    }

    private void count(String metric, String outcome) {
        outcomes.computeIfAbsent(metric, ignored -> new TreeMap<>()).merge(outcome, 1L, Long::sum);
    }
}
