package com.orderengine.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The percentile arithmetic the report rests on: known latencies in, known percentiles out. */
class LatencySummaryTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void percentilesOfOneToAThousandMillisecondsAreTheNearestRanks() {
        ClientSamples samples = new ClientSamples();
        for (int ms = 1; ms <= 1000; ms++) {
            samples.ok("checkout", "200", ms * MS);
        }
        LatencySummary summary =
                ClosedLoop.merge(List.of(samples), 10).get("checkout").latency();

        // HdrHistogram keeps 3 significant digits: each figure is within 0.1 % of the exact one.
        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isCloseTo(500, within(0.5));
        assertThat(summary.p90()).isCloseTo(900, within(0.9));
        assertThat(summary.p99()).isCloseTo(990, within(1.0));
        assertThat(summary.max()).isCloseTo(1000, within(1.0));
        assertThat(summary.mean()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void oneSlowCallOutOfAHundredIsTheMaxButNotTheP99() {
        ClientSamples samples = new ClientSamples();
        for (int i = 0; i < 99; i++) {
            samples.ok("checkout", "200", 2 * MS);
        }
        samples.ok("checkout", "200", 800 * MS);
        LatencySummary summary =
                ClosedLoop.merge(List.of(samples), 1).get("checkout").latency();

        assertThat(summary.p50()).isCloseTo(2, within(0.01));
        assertThat(summary.p99()).isCloseTo(2, within(0.01));
        assertThat(summary.max()).isCloseTo(800, within(1.0));
    }

    @Test
    void clientsAreMergedAndErrorsAreCountedButKeptOutOfTheLatencies() {
        ClientSamples fast = new ClientSamples();
        ClientSamples slow = new ClientSamples();
        for (int i = 0; i < 50; i++) {
            fast.ok("checkout", "200", 10 * MS);
            slow.ok("checkout", "200", 30 * MS);
        }
        slow.error("checkout", "503");
        slow.error("checkout", "ConnectException");

        MetricResult result = ClosedLoop.merge(List.of(fast, slow), 2).get("checkout");

        assertThat(result.ok()).isEqualTo(100);
        assertThat(result.errors()).isEqualTo(2);
        assertThat(result.requests()).isEqualTo(102);
        assertThat(result.perSecond()).isEqualTo(51.0);
        assertThat(result.latency().count()).isEqualTo(100);
        assertThat(result.latency().p50()).isCloseTo(10, within(0.01));
        assertThat(result.latency().max()).isCloseTo(30, within(0.03));
        assertThat(result.outcomes()).isEqualTo(Map.of("200", 100L, "503", 1L, "ConnectException", 1L));
    }

    @Test
    void aStepWithNoSuccessfulCallHasAnEmptySummary() {
        ClientSamples samples = new ClientSamples();
        samples.error("checkout", "500");
        MetricResult result = ClosedLoop.merge(List.of(samples), 1).get("checkout");

        assertThat(result.latency()).isEqualTo(LatencySummary.EMPTY);
        assertThat(result.errors()).isEqualTo(1);
    }

    @Test
    void aClosedLoopMeasuresOnlyCallsStartedAfterTheWarmUp() throws InterruptedException {
        Map<String, MetricResult> results = ClosedLoop.forDuration(
                2, Duration.ofMillis(200), Duration.ofMillis(300), () -> new NappingCall("sleep", 10), () -> {});

        MetricResult sleep = results.get("sleep");
        // 2 clients × 300 ms / ~10 ms per call: about 60 calls, none of the warm-up's ~40.
        assertThat(sleep.requests()).isBetween(20L, 62L);
        assertThat(sleep.seconds()).isBetween(0.29, 0.6);
        assertThat(sleep.latency().p50()).isGreaterThanOrEqualTo(10);
    }
}
