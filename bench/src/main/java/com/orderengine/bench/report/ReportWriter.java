package com.orderengine.bench.report;

import com.orderengine.bench.checkout.CheckoutCall;
import com.orderengine.bench.db.PaidCheck;
import com.orderengine.bench.payment.WebhookCall;
import com.orderengine.bench.results.GrowthMeasurement;
import com.orderengine.bench.results.GrowthResult;
import com.orderengine.bench.results.MachineInfo;
import com.orderengine.bench.results.ProcessInfo;
import com.orderengine.bench.results.RunResults;
import com.orderengine.bench.results.StepResult;
import com.orderengine.bench.results.StormResult;
import com.orderengine.bench.results.TargetOutcome;
import com.orderengine.bench.warmup.WarmupResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** report.md: a table per step, the storm, growth, how it was measured, the machine, and the targets last. */
public final class ReportWriter {

    private ReportWriter() {}

    public static String markdown(RunResults results) {
        StringBuilder md = new StringBuilder();
        md.append("# Order engine benchmark\n\n");
        md.append("Durable checkout (the engine: api → Temporal → worker → PostgreSQL + Stripe) against the seed "
                + "design's non-durable checkout (the baseline), in the same run, on the same machine, the same "
                + "PostgreSQL and the same Stripe emulator.\n\n");
        md.append("Run of ").append(results.machine().date()).append(": ");
        results.settings()
                .forEach((name, value) ->
                        md.append('`').append(name).append(' ').append(value).append("` "));
        md.append("\n\n");

        Set<String> stepNames = new LinkedHashSet<>();
        results.steps().forEach(step -> stepNames.add(step.step()));
        for (String name : stepNames) {
            md.append("## ").append(name).append("\n\n");
            md.append(describe(name)).append("\n\n");
            md.append(stepTable(results.steps().stream()
                    .filter(step -> step.step().equals(name))
                    .toList()));
            md.append('\n');
        }
        if (results.paidCheck() != null) {
            md.append(paidCheck(results.paidCheck())).append('\n');
        }
        if (results.storm() != null) {
            md.append(storm(results.storm())).append('\n');
        }
        if (results.growth() != null) {
            md.append(growth(results.growth())).append('\n');
        }
        md.append(method());
        md.append(warmups(results.warmups()));
        md.append(processes(results.processes()));
        md.append(machine(results.machine()));
        md.append(targets(results.targets()));
        return md.toString();
    }

    public static String stepTable(List<StepResult> steps) {
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
                "bench CPU %#");
        for (StepResult step : steps) {
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
                    Numbers.whole(step.resources().benchCpuPercent()));
        }
        StringBuilder out = new StringBuilder(table.render());
        steps.stream()
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

    private static String describe(String step) {
        if (step.equals(CheckoutCall.METRIC)) {
            return "`POST /api/checkout` (engine) and `POST /checkout` (baseline), a fresh Idempotency-Key and 1–3 "
                    + "demo products each, timed from sending to the whole `{orderId, url}` answer.";
        }
        if (step.equals(WebhookCall.ACCEPTED)) {
            return "A signed `checkout.session.completed` for an order from the checkout step (its session paid at "
                    + "the emulator first, untimed), timed until `POST /api/webhooks/stripe` answers 2xx.";
        }
        if (step.equals(WebhookCall.PAID)) {
            return "From sending that webhook until `GET /api/orders/{orderId}` reads `paid` (each client reads "
                    + "its order every poll interval, so the figure includes up to one interval and one read).";
        }
        if (step.equals(WebhookCall.READ)) {
            return "The `GET /api/orders/{orderId}` reads made while waiting for `paid`, in the same steps: the "
                    + "order read path's latency, and the extra load the measurement itself puts on the engine.";
        }
        return "";
    }

    private static String paidCheck(PaidCheck check) {
        return "Afterwards, in the database: " + check.measured() + " orders measured as paid, " + check.found()
                + " found, " + check.paid() + " `paid`, " + check.movedToPaidOnce()
                + " with exactly one `paid` row in `order_status_changes`"
                + (check.allPaidOnce() ? " (all of them)." : " (**not all of them**).") + "\n";
    }

    private static String storm(StormResult storm) {
        return "## duplicate storm\n\nThe same signed `checkout.session.completed` for one order, delivered "
                + storm.deliveries() + " times, " + storm.parallelism() + " at a time.\n\n"
                + stepTable(List.of(storm.step()))
                + "\nAnswers: " + storm.step().outcomes() + ". The order is `" + storm.finalStatus() + "` with "
                + storm.paidTransitions() + " `paid` transition(s) in `order_status_changes`.\n";
    }

    private static String growth(GrowthResult growth) {
        StringBuilder md = new StringBuilder("## growth\n\n");
        md.append("The same measurements with few orders in the database and after bulk-inserting ")
                .append(Numbers.count(growth.insertedOrders()))
                .append(" orders (each with 2 items, a session id and a status change; one `INSERT … SELECT` "
                        + "over `generate_series` per table, then `ANALYZE`), which took ")
                .append(String.format(Locale.ROOT, "%.1f", growth.insertSeconds()))
                .append(" s. ")
                .append("`session lookup` is `GET /api/checkout/sessions/{id}` for random bulk sessions; "
                        + "the webhook steps pay orders created in the growth checkout step.\n\n");
        MarkdownTable table = MarkdownTable.of(
                "orders in database#",
                "step",
                "concurrency#",
                "requests#",
                "req/s#",
                "p50 ms#",
                "p90 ms#",
                "p99 ms#",
                "max ms#",
                "errors#",
                "server CPU %#",
                "temporal CPU %#",
                "temporal db CPU %#",
                "db CPU %#");
        for (GrowthMeasurement measurement : growth.measurements()) {
            for (StepResult step : measurement.steps()) {
                table.row(
                        Numbers.count(measurement.ordersAtStart()),
                        step.step(),
                        step.concurrency(),
                        Numbers.count(step.requests()),
                        Numbers.rate(step.perSecond()),
                        Numbers.millis(step.latency().p50()),
                        Numbers.millis(step.latency().p90()),
                        Numbers.millis(step.latency().p99()),
                        Numbers.millis(step.latency().max()),
                        step.errors(),
                        Numbers.whole(step.resources().serverCpuPercent()),
                        Numbers.whole(step.resources().temporalCpuPercent()),
                        Numbers.whole(step.resources().temporalDatabaseCpuPercent()),
                        Numbers.whole(step.resources().databaseCpuPercent()));
            }
        }
        md.append(table.render()).append('\n');
        for (GrowthMeasurement measurement : growth.measurements()) {
            md.append("### Query plans with ")
                    .append(Numbers.count(measurement.ordersAtStart()))
                    .append(" orders\n\n");
            for (Map.Entry<String, String> plan : measurement.plans().entrySet()) {
                md.append(plan.getKey())
                        .append(":\n\n```\n")
                        .append(plan.getValue().strip())
                        .append("\n```\n\n");
            }
        }
        return md.toString();
    }

    private static String method() {
        return """
                ## How this was measured

                - **Closed loop.** Each client sends its next request only when the previous one has been answered \
                (no think time). Throughput is what the server sustained with that many clients waiting on it, and \
                the latencies are what those clients saw. A slow answer holds its client back instead of piling \
                requests up behind it, so this understates what an open arrival rate at the same throughput would \
                see (coordinated omission): read p99 at high concurrency as a floor, not a promise.
                - Before its first step, each system gets checkout load, not counted, until its JIT compiler \
                threads used under 5 % of a core in a 5 s window (or --jit-warmup ran out; see Warm-up below), so \
                neither is measured while it is still being compiled. Every step then starts with a warm-up whose \
                requests are not counted; the measured time runs from the end of the warm-up until the last measured \
                answer. Latency percentiles (HdrHistogram, 3 significant digits) are over successful (2xx) answers \
                only; any other status, exception or time-out is an error.
                - Order of the run: with --growth, an unmeasured engine warm-up and growth with few orders; then \
                baseline checkout at every concurrency, engine checkout, webhooks, duplicate storm, and with --growth \
                the bulk insert and growth with many orders. The baseline's rows are marked \
                `expired` after each of its steps: left `pending` with a session id, the worker's recovery pass \
                (every 5 minutes) would adopt them as engine orders.
                - The engine and the baseline share one PostgreSQL and one Stripe emulator, which runs in its own JVM \
                with no webhook URL: the benchmark pays a session at the emulator (the hosted page's Pay action), \
                reads the session back with the secret key, and sends the signed event itself, so the engine gets \
                exactly one webhook per payment. The local stack's own emulator is idle. The emulator and the baseline \
                (both on the JDK's HTTP server) run with `-Dsun.net.httpserver.nodelay=true`: without it every answer \
                of theirs waits about 40 ms for a delayed ACK, a stall neither Stripe nor the engine's Jetty has.
                - CPU is from `/proc/<pid>/stat` (user + system time over wall time, in % of one core; the peak is \
                the busiest 500 ms, in results.json); heap is the largest used heap (the `MemoryMXBean`'s, what \
                Dropwizard's `jvm.memory.heap.used` gauge shows) sampled every 500 ms through JMX, attached by pid. \
                The server is the local stack's JVM (api, worker and \
                LocalStack's idle emulator in one process) for the engine, the baseline's JVM for the baseline; the \
                shop's PostgreSQL (all its processes) is the db column. The load generator shares the machine: its \
                own CPU is the bench column.
                - Temporal runs in a process of its own (`--temporal`, see Processes below; in production it runs on \
                machines of its own): the temporal columns are its CPU and its largest resident memory (RSS, \
                `VmRSS` in `/proc/<pid>/status`; a Go server has no JMX heap, and the Java test server's RSS \
                includes heap it has reserved but not used), and with `--temporal=postgres` its own PostgreSQL \
                (all its processes) is the temporal db column. The dev server keeps SQLite inside its process. Add \
                server and temporal columns to compare the engine's CPU with the baseline's.
                - Pending engine orders keep costing after their checkout: each workflow asks Stripe about its \
                session about 10 and 30 minutes after creation (each wait ±20 %), which costs Temporal as much as \
                the checkout did. Steps that start 8 minutes or more after the first checkouts include that \
                background work; short runs do not.

                """;
    }

    private static String warmups(List<WarmupResult> warmups) {
        if (warmups.isEmpty()) {
            return "";
        }
        MarkdownTable table = MarkdownTable.of(
                "system", "clients#", "seconds#", "checkouts#", "JIT threads in the last 5 s, % of a core#", "settled");
        warmups.forEach(warmup -> table.row(
                warmup.system(),
                warmup.clients(),
                Numbers.whole(warmup.seconds()),
                Numbers.count(warmup.requests()),
                warmup.lastWindowJitPercent() < 0 ? "n/a" : Numbers.rate(warmup.lastWindowJitPercent()),
                warmup.settled() ? "yes" : "no, stopped at --jit-warmup"));
        return "## Warm-up\n\n" + table.render() + "\n";
    }

    private static String processes(List<ProcessInfo> processes) {
        MarkdownTable table = MarkdownTable.of("role", "pid#", "started as / address");
        processes.forEach(process -> table.row(
                process.role(), process.pid() == null ? "n/a" : process.pid(), "`" + process.command() + "`"));
        return "## Processes\n\n" + table.render() + "\n";
    }

    private static String machine(MachineInfo machine) {
        MarkdownTable table = MarkdownTable.of("", "");
        table.row("processors (nproc)", machine.processors());
        table.row("CPU", machine.cpuModel());
        table.row("RAM", machine.memory());
        table.row("Java", machine.java());
        table.row("OS", machine.os());
        table.row("date", machine.date());
        table.row("command", "`" + machine.command() + "`");
        return "## Machine\n\n" + table.render() + "\n";
    }

    private static String targets(List<TargetOutcome> targets) {
        MarkdownTable table = MarkdownTable.of("target", "this run", "met");
        targets.forEach(target ->
                table.row(target.target(), target.measured(), target.verdict().text()));
        return "## Targets\n\n" + table.render();
    }
}
