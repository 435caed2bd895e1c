package com.orderengine.bench.report;

import com.orderengine.bench.checkout.CheckoutCall;
import com.orderengine.bench.payment.WebhookCall;
import com.orderengine.bench.results.StepResult;
import com.orderengine.bench.results.TargetOutcome;
import com.orderengine.bench.results.TargetOutcome.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The targets, checked against this run's figures. A target whose step did not run is "not measured". */
public final class TargetsCheck {

    static final double CHECKOUT_P50_RATIO = 3.0;
    static final double CHECKOUT_P99_MS = 100;
    static final double CHECKOUTS_PER_SECOND = 200;
    static final double WEBHOOK_ACCEPTED_P99_MS = 20;
    static final double WEBHOOK_PAID_P99_MS = 100;
    static final double HEAP_MB = 512;

    private TargetsCheck() {}

    public static List<TargetOutcome> evaluate(List<StepResult> steps) {
        List<TargetOutcome> outcomes = new ArrayList<>();
        outcomes.add(checkoutP50AgainstBaseline(steps));
        outcomes.add(checkoutP99(steps));
        outcomes.add(checkoutThroughput(steps));
        outcomes.add(webhookAccepted(steps));
        outcomes.add(webhookPaid(steps));
        outcomes.add(heap(steps));
        return outcomes;
    }

    private static TargetOutcome checkoutP50AgainstBaseline(List<StepResult> steps) {
        String target = "checkout p50 at 1 client ≤ 3× the baseline's p50";
        Optional<StepResult> engine = find(steps, CheckoutCall.METRIC, StepResult.ENGINE, 1);
        Optional<StepResult> baseline = find(steps, CheckoutCall.METRIC, StepResult.BASELINE, 1);
        if (engine.isEmpty() || baseline.isEmpty() || baseline.get().latency().count() == 0) {
            return new TargetOutcome(target, "no 1-client checkout step for both systems", Verdict.NOT_MEASURED);
        }
        double e = engine.get().latency().p50();
        double b = baseline.get().latency().p50();
        boolean met = engine.get().latency().count() > 0 && e <= CHECKOUT_P50_RATIO * b;
        return new TargetOutcome(
                target,
                String.format(Locale.ROOT, "%s ms vs %s ms (%.1f×)", Numbers.millis(e), Numbers.millis(b), e / b),
                verdict(met));
    }

    private static TargetOutcome checkoutP99(List<StepResult> steps) {
        String target = "checkout p99 at 32 clients < 100 ms";
        return find(steps, CheckoutCall.METRIC, StepResult.ENGINE, 32)
                .map(step -> new TargetOutcome(
                        target,
                        Numbers.millis(step.latency().p99()) + " ms",
                        verdict(step.latency().count() > 0 && step.latency().p99() < CHECKOUT_P99_MS)))
                .orElse(notMeasured(target, "no 32-client checkout step"));
    }

    private static TargetOutcome checkoutThroughput(List<StepResult> steps) {
        String target = "≥ 200 checkouts/s at 32 clients, no errors";
        return find(steps, CheckoutCall.METRIC, StepResult.ENGINE, 32)
                .map(step -> new TargetOutcome(
                        target,
                        Numbers.rate(step.perSecond()) + " req/s, " + step.errors() + " errors",
                        verdict(step.perSecond() >= CHECKOUTS_PER_SECOND && step.errors() == 0)))
                .orElse(notMeasured(target, "no 32-client checkout step"));
    }

    private static TargetOutcome webhookAccepted(List<StepResult> steps) {
        String target = "webhook accepted p99 < 20 ms at 32 clients";
        return find(steps, WebhookCall.ACCEPTED, StepResult.ENGINE, 32)
                .map(step -> new TargetOutcome(
                        target,
                        Numbers.millis(step.latency().p99()) + " ms",
                        verdict(step.latency().count() > 0
                                && step.errors() == 0
                                && step.latency().p99() < WEBHOOK_ACCEPTED_P99_MS)))
                .orElse(notMeasured(target, "no 32-client webhook step"));
    }

    private static TargetOutcome webhookPaid(List<StepResult> steps) {
        String target = "webhook → paid p99 < 100 ms (every concurrency measured)";
        Optional<StepResult> worst = steps.stream()
                .filter(step ->
                        step.step().equals(WebhookCall.PAID) && step.system().equals(StepResult.ENGINE))
                .max(Comparator.comparingDouble(step -> step.latency().p99()));
        return worst.map(step -> new TargetOutcome(
                        target,
                        "worst p99 " + Numbers.millis(step.latency().p99()) + " ms (" + step.concurrency()
                                + " clients)",
                        verdict(steps.stream()
                                .filter(s -> s.step().equals(WebhookCall.PAID))
                                .allMatch(s -> s.latency().count() > 0
                                        && s.errors() == 0
                                        && s.latency().p99() < WEBHOOK_PAID_P99_MS))))
                .orElse(notMeasured(target, "no webhook step"));
    }

    private static TargetOutcome heap(List<StepResult> steps) {
        String target = "server heap < 512 MB throughout";
        Optional<Double> max = steps.stream()
                .filter(step -> step.system().equals(StepResult.ENGINE))
                .map(step -> step.resources().serverMaxHeapMb())
                .filter(Objects::nonNull)
                .max(Double::compare);
        // With Temporal in a process of its own, the server is api and worker; Temporal's memory is shown apart.
        Optional<Double> temporal = steps.stream()
                .filter(step -> step.system().equals(StepResult.ENGINE))
                .map(step -> step.resources().temporalMaxRssMb())
                .filter(Objects::nonNull)
                .max(Double::compare);
        String apart = temporal.map(mb ->
                        " by api and worker; Temporal, in its own process: max " + Numbers.whole(mb) + " MB resident")
                .orElse(" used");
        return max.map(mb ->
                        new TargetOutcome(target, "max " + Numbers.whole(mb) + " MB" + apart, verdict(mb < HEAP_MB)))
                .orElse(notMeasured(target, "heap not sampled (no admin URL)"));
    }

    private static Optional<StepResult> find(List<StepResult> steps, String step, String system, int concurrency) {
        return steps.stream()
                .filter(s -> s.step().equals(step) && s.system().equals(system) && s.concurrency() == concurrency)
                .findFirst();
    }

    private static Verdict verdict(boolean met) {
        return met ? Verdict.MET : Verdict.NOT_MET;
    }

    private static TargetOutcome notMeasured(String target, String why) {
        return new TargetOutcome(target, why, Verdict.NOT_MEASURED);
    }
}
