package com.orderengine.bench.stack;

import com.orderengine.bench.options.TemporalMode;
import com.orderengine.bench.process.ChildJvm;
import com.orderengine.bench.process.FreePorts;
import com.orderengine.bench.process.JdkHttpServer;
import com.orderengine.bench.process.ProjectRoot;
import com.orderengine.bench.temporal.TemporalProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The system under test started for one run: the local stack ({@code com.orderengine.dev.LocalStack}: PostgreSQL,
 * worker and api) as a child JVM on free ports with a fresh data directory, and beside it the Stripe emulator both
 * the engine and the baseline use, in a JVM of its own, and Temporal in a process of its own (see
 * {@link TemporalProcess}), given to the stack as TEMPORAL_ADDRESS: its CPU and memory are then measured apart from
 * the engine's, as they would be spent on machines of their own in production.
 *
 * <p>The stack is given this emulator as STRIPE_API_BASE, as it would be real Stripe, and so starts none of its own:
 * this one sends no webhooks, the benchmark sends them itself.
 */
public final class ManagedStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** The worker alone may take 30 s to finish the tasks in hand (OrderWorker.stop). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final ChildJvm emulator;
    private final TemporalProcess temporal;
    private final ChildJvm stack;
    private final Path dataDirectory;
    private final Target target;
    private boolean closed;

    private ManagedStack(
            ChildJvm emulator, TemporalProcess temporal, ChildJvm stack, Path dataDirectory, Target target) {
        this.emulator = emulator;
        this.temporal = temporal;
        this.stack = stack;
        this.dataDirectory = dataDirectory;
        this.target = target;
    }

    public static ManagedStack start(String serverHeap, TemporalMode temporalMode, Path logDirectory) {
        Path root = ProjectRoot.find();
        List<Integer> ports = FreePorts.pick(11);
        int apiPort = ports.get(0);
        int adminPort = ports.get(1);
        int postgresPort = ports.get(5);
        int emulatorPort = ports.get(6);
        String stripeApiBase = "http://127.0.0.1:" + emulatorPort;
        String secretKey = "sk_test_bench";
        String webhookSecret = "whsec_bench_" + UUID.randomUUID().toString().replace("-", "");
        Path dataDirectory;
        try {
            dataDirectory = Files.createTempDirectory("order-bench-stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // The emulator keeps every session and idempotency record in memory (Stripe keeps keys for 24 h); with
        // 512m it ran out after about 80,000 sessions, which a full run with its JIT warm-ups exceeds.
        ChildJvm emulator = ChildJvm.start(
                "Stripe emulator",
                List.of("-Xmx3g", JdkHttpServer.NO_DELAY),
                BenchEmulatorMain.class.getName(),
                Map.of("STRIPE_EMULATOR_PORT", String.valueOf(emulatorPort)),
                root,
                logDirectory.resolve("stripe-emulator.log"));
        TemporalProcess temporal = null;
        ChildJvm stack = null;
        try {
            Readiness.http(emulator, URI.create(stripeApiBase + "/_emulator/api/events"), START_TIMEOUT);
            temporal = TemporalProcess.start(
                    temporalMode, root, ports.get(7), dataDirectory.resolve("bench-temporal"), logDirectory);
            Map<String, String> environment = new HashMap<>();
            environment.put("HTTP_PORT", String.valueOf(apiPort));
            environment.put("ADMIN_PORT", String.valueOf(adminPort));
            environment.put("WORKER_HTTP_PORT", String.valueOf(ports.get(2)));
            environment.put("WORKER_ADMIN_PORT", String.valueOf(ports.get(3)));
            // The stack then starts no Temporal of its own.
            environment.put("TEMPORAL_ADDRESS", temporal.address());
            // A port of its own, so that STRIPE_API_BASE never reads as the stack's own emulator.
            environment.put("STRIPE_EMULATOR_PORT", String.valueOf(ports.get(4)));
            environment.put("POSTGRES_PORT", String.valueOf(postgresPort));
            // The stack's mail server (the worker's SMTP, IMAP, the mail page), away from a local stack's ports.
            environment.put("MAIL_SMTP_PORT", String.valueOf(ports.get(8)));
            environment.put("MAIL_IMAP_PORT", String.valueOf(ports.get(9)));
            environment.put("MAIL_PAGE_PORT", String.valueOf(ports.get(10)));
            environment.put("DATA_DIR", dataDirectory.toString());
            environment.put("DEMO_PRODUCTS", "true");
            environment.put("STRIPE_SECRET_KEY", secretKey);
            environment.put("STRIPE_API_BASE", stripeApiBase);
            environment.put("STRIPE_WEBHOOK_SECRET", webhookSecret);
            environment.put("LOG_LEVEL", "WARN");
            List<String> jvmOptions = List.of("-Xmx" + serverHeap, "-XX:+UseG1GC", "-Djava.awt.headless=true");
            stack = ChildJvm.start(
                    "local stack",
                    jvmOptions,
                    "com.orderengine.dev.LocalStack",
                    environment,
                    root,
                    logDirectory.resolve("local-stack.log"));
            URI api = URI.create("http://127.0.0.1:" + apiPort);
            Readiness.http(stack, URI.create(api + "/api/products"), START_TIMEOUT);
            Long postgresPid = postmasterPid(dataDirectory);
            Target target = new Target(
                    api,
                    URI.create("http://127.0.0.1:" + adminPort),
                    stack.pid(),
                    stack.commandLine(),
                    "jdbc:postgresql://127.0.0.1:" + postgresPort + "/shop",
                    postgresPid,
                    "postgres",
                    "postgres",
                    stripeApiBase,
                    secretKey,
                    webhookSecret,
                    emulator.pid(),
                    temporal.info(),
                    true);
            return new ManagedStack(emulator, temporal, stack, dataDirectory, target);
        } catch (RuntimeException e) {
            if (stack != null) {
                stack.close();
            }
            if (temporal != null) {
                temporal.close();
            }
            emulator.close();
            deleteRecursively(dataDirectory);
            throw e;
        }
    }

    /**
     * PostgreSQL is started through pg_ctl, so it is not a child of the stack's JVM; its data directory names it.
     */
    private static Long postmasterPid(Path dataDirectory) {
        try {
            List<String> lines =
                    Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
            return lines.isEmpty() ? null : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    public Target target() {
        return target;
    }

    public List<String> serverJvmOptions() {
        return stack.jvmOptions();
    }

    /** Safe to call twice (a Ctrl-C during the run calls it from a shutdown hook); never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long start = System.nanoTime();
        boolean exited = stack.stop(STOP_TIMEOUT);
        System.out.printf(
                "[bench] local stack %s in %.1f s%n",
                exited ? "stopped" : "did not stop; killed", (System.nanoTime() - start) / 1e9);
        // Stopped by the stack's shutdown hook; only a stack that had to be killed leaves it running.
        if (target.databasePid() != null) {
            ProcessHandle.of(target.databasePid()).ifPresent(postgres -> {
                postgres.destroy();
                try {
                    postgres.onExit().get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    postgres.destroyForcibly();
                }
            });
        }
        if (temporal != null) {
            temporal.close();
        }
        emulator.close();
        deleteRecursively(dataDirectory);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + directory + ": " + e.getMessage());
        }
    }
}
