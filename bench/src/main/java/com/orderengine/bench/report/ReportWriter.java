package com.orderengine.bench.report;

import com.orderengine.bench.db.PaidCheck;
import com.orderengine.bench.results.GrowthMeasurement;
import com.orderengine.bench.results.RunResults;
import com.orderengine.bench.results.StepResult;
import com.orderengine.bench.results.StormResult;
import com.orderengine.bench.results.TargetOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * report.md: one table with every measured step of the run (the duplicate storm and growth included), then a line
 * on what the run checked. Everything else (machine, processes, warm-ups, query plans, each target) is in
 * results.json; how it measures is in bench/README.md.
 */
public final class ReportWriter {

    private ReportWriter() {}

    public static String markdown(RunResults results) {
        StringBuilder md = new StringBuilder();
        md.append("# Order engine benchmark, ").append(results.machine().date()).append("\n\n");
        results.settings()
                .forEach((name, value) ->
                        md.append('`').append(name).append(' ').append(value).append("` "));
        md.append("\n\n");
        List<Row> rows = new ArrayList<>();
        results.steps().forEach(step -> rows.add(new Row(step, null)));
        if (results.storm() != null) {
            rows.add(new Row(results.storm().step(), null));
        }
        if (results.growth() != null) {
            for (GrowthMeasurement measurement : results.growth().measurements()) {
                measurement.steps().forEach(step -> rows.add(new Row(step, measurement.ordersAtStart())));
            }
        }
        md.append(table(rows)).append('\n');
        if (results.paidCheck() != null) {
            md.append(paidCheck(results.paidCheck())).append(' ');
        }
        if (results.storm() != null) {
            md.append(storm(results.storm())).append(' ');
        }
        md.append(targets(results.targets())).append('\n');
        return md.toString();
    }

    /** The table for steps measured with an unknown number of orders in the database. */
    public static String stepTable(List<StepResult> steps) {
        return table(steps.stream().map(step -> new Row(step, null)).toList());
    }

    /** A measured step, and for growth the orders in the database when it started. */
    private record Row(StepResult step, Long ordersInDatabase) {}

    private static String table(List<Row> rows) {
        MarkdownTable table = MarkdownTable.of(
                "step",
                "system",
                "concurrency#",
                "requests#",
                "req/s#",
                "p50 ms#",
                "p90 ms#",
                "p99 ms#",
                "max ms#",
                "errors#",
                "server CPU %#",
                "server max heap MB#",
                "temporal CPU %#",
                "temporal max RSS MB#",
                "temporal db CPU %#",
                "db CPU %#",
                "emulator CPU %#",
                "bench CPU %#",
                "orders in database#");
        for (Row row : rows) {
            StepResult step = row.step();
            table.row(
                    step.step(),
                    step.system(),
                    step.concurrency(),
                    Numbers.count(step.requests()),
                    Numbers.rate(step.perSecond()),
                    Numbers.millis(step.latency().p50()),
                    Numbers.millis(step.latency().p90()),
                    Numbers.millis(step.latency().p99()),
                    Numbers.millis(step.latency().max()),
                    step.errors(),
                    Numbers.whole(step.resources().serverCpuPercent()),
                    Numbers.whole(step.resources().serverMaxHeapMb()),
                    Numbers.whole(step.resources().temporalCpuPercent()),
                    Numbers.whole(step.resources().temporalMaxRssMb()),
                    Numbers.whole(step.resources().temporalDatabaseCpuPercent()),
                    Numbers.whole(step.resources().databaseCpuPercent()),
                    Numbers.whole(step.resources().emulatorCpuPercent()),
                    Numbers.whole(step.resources().benchCpuPercent()),
                    row.ordersInDatabase() == null ? "" : Numbers.count(row.ordersInDatabase()));
        }
        StringBuilder out = new StringBuilder(table.render());
        rows.stream()
                .map(Row::step)
                .filter(step -> step.errors() > 0)
                .forEach(step -> out.append("\nOutcomes of ")
                        .append(step.step())
                        .append(", ")
                        .append(step.system())
                        .append(", ")
                        .append(step.concurrency())
                        .append(" clients: ")
                        .append(step.outcomes())
                        .append('\n'));
        return out.toString();
    }

    private static String paidCheck(PaidCheck check) {
        return "Afterwards " + check.measured() + " orders measured as paid: " + check.found() + " found, "
                + check.paid() + " `paid`, " + check.movedToPaidOnce() + " with exactly one `paid` transition"
                + (check.allPaidOnce() ? " (all of them)." : " (**not all of them**).");
    }

    private static String storm(StormResult storm) {
        return "The storm's " + storm.deliveries() + " deliveries of one event (" + storm.parallelism()
                + " at a time) answered " + storm.step().outcomes() + "; the order is `" + storm.finalStatus()
                + "` with " + storm.paidTransitions() + " `paid` transition(s).";
    }

    private static String targets(List<TargetOutcome> targets) {
        long met = targets.stream()
                .filter(target -> target.verdict() == TargetOutcome.Verdict.MET)
                .count();
        List<String> missed = targets.stream()
                .filter(target -> target.verdict() == TargetOutcome.Verdict.NOT_MET)
                .map(TargetOutcome::target)
                .toList();
        return "Targets: " + met + " of " + targets.size() + " met"
                + (missed.isEmpty() ? "" : ", **not met: " + String.join("; ", missed) + "**")
                + " (each with its figure in results.json).";
    }
}
