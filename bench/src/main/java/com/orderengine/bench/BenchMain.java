package com.orderengine.bench;

import com.orderengine.bench.http.BenchHttp;
import com.orderengine.bench.options.BenchOptions;
import com.orderengine.bench.options.OptionsParser;
import com.orderengine.bench.report.ResultsFiles;
import com.orderengine.bench.results.MachineInfo;
import com.orderengine.bench.stack.ManagedStack;
import com.orderengine.bench.stack.Target;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code java -jar bench/target/order-bench.jar [--quick] …}: starts the local stack (unless --target names a
 * running one), runs the benchmark, writes the report, stops what it started.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        // XChart draws with AWT; there is no display on a CI machine.
        System.setProperty("java.awt.headless", "true");
        OptionsParser parser = new OptionsParser(System.getenv());
        if (parser.wantsHelp(args)) {
            System.out.println(OptionsParser.usage());
            return;
        }
        try {
            BenchOptions options = parser.parse(args);
            Path report = run(options, commandLine(args));
            System.out.println();
            System.out.println("Report: " + report.toAbsolutePath());
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("The benchmark failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs everything and returns the report's path. */
    public static Path run(BenchOptions options, String command) throws Exception {
        ZonedDateTime startedAt = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        ResultsFiles files = ResultsFiles.create(options.results(), startedAt);
        MachineInfo machine = MachineInfo.current(startedAt, command);
        BenchmarkRun run;
        if (options.startsStack()) {
            Progress.say("starting the local stack (logs in " + files.logs() + ")");
            try (ManagedStack stack = ManagedStack.start(options.serverHeap(), options.temporal(), files.logs());
                    BenchHttp http = new BenchHttp()) {
                // Ctrl-C must not leave PostgreSQL, Temporal and the JVMs behind.
                Thread stopOnInterrupt = new Thread(stack::close, "bench-stop-stack");
                Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
                try {
                    Progress.say("stack up: " + stack.target().api() + ", server "
                            + stack.target().serverCommand());
                    run = new Benchmark(options, stack.target(), files.logs(), machine, http).run();
                } finally {
                    Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
                }
            }
        } else {
            try (BenchHttp http = new BenchHttp()) {
                run = new Benchmark(options, target(options), files.logs(), machine, http).run();
            }
        }
        return files.write(run.results(), run.paidOrderIds());
    }

    static Target target(BenchOptions options) {
        String server = options.targetPid() == null
                ? "(not known: pass --target-pid)"
                : ProcessHandle.of(options.targetPid())
                        .flatMap(process -> process.info().commandLine())
                        .orElse("pid " + options.targetPid());
        return new Target(
                options.target(),
                options.targetAdmin(),
                options.targetPid(),
                server,
                options.jdbcUrl(),
                options.dbPid(),
                options.dbUser(),
                options.dbPassword(),
                options.stripeApiBase(),
                options.stripeSecretKey(),
                options.webhookSecret(),
                null,
                null,
                options.payAtEmulator());
    }

    /** The command as typed, as far as the JVM knows it (a long class path shortened); else a reconstruction. */
    static String commandLine(String[] args) {
        return ProcessHandle.current()
                .info()
                .commandLine()
                .map(line -> line.replaceAll("(-cp|-classpath|--class-path) \\S{100,}", "$1 <class path>"))
                .orElse("java -jar bench/target/order-bench.jar " + String.join(" ", List.of(args)));
    }
}
