package com.orderengine.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.bench.load.LatencySummary;
import com.orderengine.bench.resources.ResourceUsage;
import com.orderengine.bench.results.StepResult;
import com.orderengine.bench.results.TargetOutcome;
import com.orderengine.bench.results.TargetOutcome.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsCheckTest {

    @Test
    void eachTargetIsJudgedOnItsOwnStep() {
        List<StepResult> steps = List.of(
                step("checkout", "baseline", 1, 250, 4.0, 6.0, 0, null),
                step("checkout", "engine", 1, 80, 11.0, 20.0, 0, 300.0),
                step("checkout", "engine", 32, 240, 30.0, 95.0, 0, 410.0),
                step("webhook accepted", "engine", 32, 500, 5.0, 25.0, 0, 420.0),
                step("webhook to paid", "engine", 1, 50, 20.0, 40.0, 0, 300.0),
                step("webhook to paid", "engine", 32, 500, 40.0, 90.0, 0, 530.0));

        List<TargetOutcome> outcomes = TargetsCheck.evaluate(steps);

        assertThat(outcomes)
                .extracting(TargetOutcome::verdict)
                .containsExactly(
                        Verdict.MET, // 11 ms ≤ 3 × 4 ms
                        Verdict.MET, // p99 95 ms < 100 ms
                        Verdict.MET, // 240 req/s, no errors
                        Verdict.NOT_MET, // p99 25 ms ≥ 20 ms
                        Verdict.MET, // worst p99 90 ms
                        Verdict.NOT_MET); // 530 MB
        assertThat(outcomes.get(0).measured()).isEqualTo("11.0 ms vs 4.00 ms (2.8×)");
        assertThat(outcomes.get(4).measured()).isEqualTo("worst p99 90.0 ms (32 clients)");
    }

    @Test
    void errorsFailTheThroughputTargetAndMissingStepsAreNotMeasured() {
        List<StepResult> steps = List.of(step("checkout", "engine", 32, 260, 30.0, 60.0, 3, 200.0));

        List<TargetOutcome> outcomes = TargetsCheck.evaluate(steps);

        assertThat(outcomes.get(0).verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(outcomes.get(2).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(outcomes.get(3).verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(outcomes.get(5).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void theHeapTargetIsTheServersAndNamesTemporalsMemoryApart() {
        ResourceUsage apart = new ResourceUsage(50.0, 80.0, 410.0, 10.0, 5.0, 30.0, 900.0, 8.0, 20.0, 20);
        List<StepResult> steps = List.of(new StepResult(
                "checkout",
                "engine",
                8,
                1000,
                100.0,
                10,
                new LatencySummary(1000, 50, 60, 90, 100, 50),
                0,
                Map.of(),
                apart));

        TargetOutcome heap = TargetsCheck.evaluate(steps).get(5);

        // Temporal's 900 MB is not the engine server's: the target is met on the server's 410 MB.
        assertThat(heap.verdict()).isEqualTo(Verdict.MET);
        assertThat(heap.measured())
                .isEqualTo("max 410 MB by api and worker; Temporal, in its own process: max 900 MB resident");
    }

    private static StepResult step(
            String name,
            String system,
            int clients,
            double perSecond,
            double p50,
            double p99,
            long errors,
            Double heapMb) {
        return new StepResult(
                name,
                system,
                clients,
                1000,
                perSecond,
                10,
                new LatencySummary(1000, p50, p50, p99, p99, p50),
                errors,
                Map.of(),
                new ResourceUsage(50.0, 80.0, heapMb, 10.0, 5.0, null, null, null, 20.0, 20));
    }
}
