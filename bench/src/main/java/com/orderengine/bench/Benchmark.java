package com.orderengine.bench;

import com.orderengine.bench.baseline.BaselineProcess;
import com.orderengine.bench.checkout.CartGenerator;
import com.orderengine.bench.checkout.Catalogue;
import com.orderengine.bench.checkout.CheckoutCall;
import com.orderengine.bench.checkout.CreatedOrder;
import com.orderengine.bench.db.PaidCheck;
import com.orderengine.bench.db.ShopDatabase;
import com.orderengine.bench.growth.GrowthTest;
import com.orderengine.bench.http.BenchHttp;
import com.orderengine.bench.load.LoadCall;
import com.orderengine.bench.load.Measured;
import com.orderengine.bench.load.StepRunner;
import com.orderengine.bench.options.BenchOptions;
import com.orderengine.bench.options.Durations;
import com.orderengine.bench.payment.DuplicateStorm;
import com.orderengine.bench.payment.PaidEvents;
import com.orderengine.bench.payment.StripeSessions;
import com.orderengine.bench.report.TargetsCheck;
import com.orderengine.bench.resources.Monitored;
import com.orderengine.bench.resources.ProcessCpu;
import com.orderengine.bench.results.GrowthMeasurement;
import com.orderengine.bench.results.GrowthResult;
import com.orderengine.bench.results.MachineInfo;
import com.orderengine.bench.results.ProcessInfo;
import com.orderengine.bench.results.RunResults;
import com.orderengine.bench.results.StepResult;
import com.orderengine.bench.results.StormResult;
import com.orderengine.bench.stack.Target;
import com.orderengine.bench.stack.TemporalInfo;
import com.orderengine.bench.warmup.JitSettledWarmup;
import com.orderengine.bench.warmup.WarmupResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * One run against a target: the baseline's checkout, the engine's checkout, webhooks, the duplicate storm and,
 * when asked, growth. The target's lifecycle belongs to the caller; the baseline's belongs to this run.
 */
public final class Benchmark {

    static final int PRIMING_CHECKOUTS = 10;
    /** The JIT warm-up's window: long enough that one compilation burst does not decide it. */
    static final Duration JIT_WINDOW = Duration.ofSeconds(5);

    private final BenchOptions options;
    private final Target target;
    private final Path logDirectory;
    private final MachineInfo machine;
    private final BenchHttp http;
    private final ShopDatabase database;
    private final StepRunner runner;
    private final Queue<String> paidOrders = new ConcurrentLinkedQueue<>();
    private final List<ProcessInfo> processes = new ArrayList<>();
    private final List<WarmupResult> warmups = new ArrayList<>();

    public Benchmark(BenchOptions options, Target target, Path logDirectory, MachineInfo machine, BenchHttp http) {
        this.options = options;
        this.target = target;
        this.logDirectory = logDirectory;
        this.machine = machine;
        this.http = http;
        this.database = new ShopDatabase(target.jdbcUrl(), target.dbUser(), target.dbPassword());
        this.runner = new StepRunner(options.warmup(), options.duration());
    }

    public BenchmarkRun run() throws Exception {
        CartGenerator carts = new CartGenerator(Catalogue.productIds(http, target));
        Monitored engineProcesses = new Monitored(
                target.serverPid(),
                target.admin(),
                target.databasePid(),
                target.emulatorPid(),
                target.temporalPid(),
                target.temporalDatabasePid());
        PaidEvents events =
                new PaidEvents(new StripeSessions(http, target.stripeApiBase(), target.stripeSecretKey()), target);
        EngineSteps engine = new EngineSteps(
                runner, http, target, carts, events, options.pollInterval(), engineProcesses, paidOrders);
        processes.add(new ProcessInfo(
                target.temporal() == null ? "engine (--target)" : "engine: local stack (api, worker)",
                target.serverPid(),
                target.serverCommand()));
        TemporalInfo temporal = target.temporal();
        if (temporal != null) {
            processes.add(new ProcessInfo(temporal.role(), temporal.pid(), temporal.command()));
            if (temporal.databasePid() != null) {
                processes.add(new ProcessInfo(
                        "Temporal's PostgreSQL (postmaster)", temporal.databasePid(), temporal.database()));
            }
        }
        processes.add(new ProcessInfo("PostgreSQL (postmaster)", target.databasePid(), target.jdbcUrl()));
        processes.add(new ProcessInfo("Stripe emulator", target.emulatorPid(), target.stripeApiBase()));
        processes.add(new ProcessInfo(
                "load generator (this benchmark)", ProcessHandle.current().pid(), machine.command()));

        GrowthTest growth = options.growth()
                ? new GrowthTest(engine, runner, http, target, database, options.growthConcurrency())
                : null;
        List<GrowthMeasurement> growthMeasurements = new ArrayList<>();
        if (growth != null) {
            prime(target.api("/api/checkout"), carts, null);
            // Twice the step warm-up, then each step's own: the first measurement must not meet a cold JIT.
            growthMeasurements.add(growth.small(options.warmup().multipliedBy(2)));
        }

        List<StepResult> steps = new ArrayList<>(baselineCheckouts(carts));
        Queue<CreatedOrder> created = new ConcurrentLinkedQueue<>();
        prime(target.api("/api/checkout"), carts, created);
        warmUntilJitSettles(
                StepResult.ENGINE,
                target.serverPid(),
                () -> new CheckoutCall(http, target.api("/api/checkout"), carts, created));
        for (int clients : options.concurrency()) {
            steps.add(engine.checkout(clients, created));
        }
        for (int clients : options.paymentConcurrency()) {
            steps.addAll(engine.webhooks(clients, created));
        }
        PaidCheck paidCheck = database.checkPaid(List.copyOf(paidOrders));
        Progress.say("paid check: " + paidCheck);

        CreatedOrder stormOrder = CheckoutCall.createOne(http, target.api("/api/checkout"), carts);
        StormResult storm = new DuplicateStorm(http, target, events, database)
                .run(stormOrder, options.stormEvents(), options.stormParallelism(), engineProcesses);
        Progress.report(storm.step());
        Progress.say("storm: order " + storm.finalStatus() + ", " + storm.paidTransitions() + " paid transition(s)");

        GrowthResult growthResult = null;
        if (growth != null) {
            long before = database.orderCount();
            double seconds = growth.grow(options.growthOrders()).toMillis() / 1000.0;
            long inserted = Math.max(0, database.orderCount() - before);
            growthMeasurements.add(growth.measure());
            growthResult = new GrowthResult(growthMeasurements, inserted, seconds);
        }
        List<StepResult> everyEngineStep = new ArrayList<>(steps);
        everyEngineStep.add(storm.step());
        RunResults results = new RunResults(
                machine,
                settings(),
                List.copyOf(processes),
                List.copyOf(warmups),
                steps,
                paidCheck,
                storm,
                growthResult,
                TargetsCheck.evaluate(everyEngineStep));
        return new BenchmarkRun(results, List.copyOf(paidOrders));
    }

    /** The baseline runs first, while the engine has no orders and no background work of its own. */
    private List<StepResult> baselineCheckouts(CartGenerator carts) throws InterruptedException {
        List<StepResult> steps = new ArrayList<>();
        Progress.say("starting the baseline server");
        try (BaselineProcess baseline = BaselineProcess.start(options.serverHeap(), target, logDirectory)) {
            processes.add(new ProcessInfo("baseline server", baseline.pid(), baseline.commandLine()));
            Monitored monitored = new Monitored(
                    baseline.pid(), baseline.admin(), target.databasePid(), target.emulatorPid(), null, null);
            prime(baseline.checkout(), carts, null);
            warmUntilJitSettles(
                    StepResult.BASELINE,
                    baseline.pid(),
                    () -> new CheckoutCall(http, baseline.checkout(), carts, null));
            for (int clients : options.concurrency()) {
                Measured measured = runner.forDuration(
                        clients, monitored, () -> new CheckoutCall(http, baseline.checkout(), carts, null));
                steps.add(Progress.report(StepResult.of(
                        CheckoutCall.METRIC,
                        StepResult.BASELINE,
                        clients,
                        measured.metric(CheckoutCall.METRIC),
                        measured.resources())));
                database.retireBaselineOrders();
            }
        }
        return steps;
    }

    /**
     * Checkout load, unmeasured, until the system's JIT has settled (or --jit-warmup runs out), at the middle of
     * the checkout concurrencies: both systems are then measured compiled, not while compiling.
     */
    private void warmUntilJitSettles(String system, Long pid, Supplier<LoadCall> calls) throws InterruptedException {
        if (options.jitWarmupLimit().isZero()) {
            return;
        }
        List<Integer> concurrency = options.concurrency();
        int clients = concurrency.get((concurrency.size() - 1) / 2);
        WarmupResult result = new JitSettledWarmup(JIT_WINDOW, options.jitWarmupLimit())
                .run(system, clients, () -> pid == null ? OptionalLong.empty() : ProcessCpu.compilerMillis(pid), calls);
        warmups.add(result);
        Progress.say(String.format(
                Locale.ROOT,
                "warm-up %-8s %d clients: %.0f s, %d checkouts, JIT %s",
                system,
                clients,
                result.seconds(),
                result.requests(),
                result.lastWindowJitPercent() < 0
                        ? "not readable"
                        : String.format(
                                Locale.ROOT,
                                "%.1f %% of a core in the last %d s",
                                result.lastWindowJitPercent(),
                                JIT_WINDOW.toSeconds())));
    }

    /**
     * A few untimed checkouts before a system's first step: its very first requests load classes and start
     * connections, which a short warm-up (--quick) would otherwise measure, or not get past at all.
     */
    private void prime(URI checkout, CartGenerator carts, Queue<CreatedOrder> created) {
        for (int i = 0; i < PRIMING_CHECKOUTS; i++) {
            try {
                CreatedOrder order = CheckoutCall.createOne(http, checkout, carts);
                if (created != null) {
                    created.add(order);
                }
            } catch (Exception e) {
                Progress.say("priming checkout failed (the step will count such errors): " + e.getMessage());
                return;
            }
        }
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("--warmup", Durations.format(options.warmup()));
        settings.put("--jit-warmup", Durations.format(options.jitWarmupLimit()));
        settings.put("--duration", Durations.format(options.duration()));
        settings.put("--concurrency", join(options.concurrency()));
        settings.put("--payment-concurrency", join(options.paymentConcurrency()));
        settings.put("--storm-events", String.valueOf(options.stormEvents()));
        settings.put("--storm-parallelism", String.valueOf(options.stormParallelism()));
        settings.put("--poll-interval", Durations.format(options.pollInterval()));
        settings.put("--server-heap", options.serverHeap());
        if (options.startsStack()) {
            settings.put("--temporal", options.temporal().cliName());
        }
        if (options.growth()) {
            settings.put("--growth-orders", String.valueOf(options.growthOrders()));
            settings.put("--growth-concurrency", String.valueOf(options.growthConcurrency()));
        }
        return settings;
    }

    private static String join(List<Integer> numbers) {
        return String.join(",", numbers.stream().map(String::valueOf).toList());
    }
}
