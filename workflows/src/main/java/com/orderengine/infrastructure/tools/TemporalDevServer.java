package com.orderengine.infrastructure.tools;

import com.orderengine.order.workflow.OrderSearchAttributes;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's own server, as the Temporal CLI runs it for development ({@code temporal server start-dev}), in a
 * child process: the frontend, the Web UI (unless headless), SQLite persistence (or memory), and the order search
 * attributes registered at start. The local stack, the system tests and the benchmark run it.
 */
public final class TemporalDevServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Process process;
    private final Options options;

    private TemporalDevServer(Process process, Options options) {
        this.process = process;
        this.options = options;
    }

    /**
     * What to start. {@code uiPort} null runs it headless; {@code databaseFile} null keeps everything in memory.
     */
    public record Options(Path cli, String host, int port, Integer uiPort, Path databaseFile, Path logFile) {

        /** A throw-away server for tests: in memory, headless. */
        public static Options inMemory(Path cli, int port, Path logFile) {
            return new Options(cli, "127.0.0.1", port, null, null, logFile);
        }

        public Options withUi(int uiPort) {
            return new Options(cli, host, port, uiPort, databaseFile, logFile);
        }

        List<String> command() {
            List<String> command = new ArrayList<>(List.of(
                    cli.toString(),
                    "server",
                    "start-dev",
                    "--ip",
                    host,
                    "--port",
                    String.valueOf(port),
                    "--log-level",
                    "warn"));
            if (uiPort == null) {
                command.add("--headless");
            } else {
                command.addAll(List.of("--ui-port", String.valueOf(uiPort)));
            }
            if (databaseFile != null) {
                // WAL with full sync: a workflow state change acknowledged to a client is on disk, so a crash of
                // the machine loses none of them (SQLite's default in WAL mode, NORMAL, may lose the last ones).
                command.addAll(List.of(
                        "--db-filename",
                        databaseFile.toString(),
                        "--sqlite-pragma",
                        "journal_mode=wal",
                        "--sqlite-pragma",
                        "synchronous=full"));
            }
            for (var attribute : OrderSearchAttributes.ALL) {
                command.addAll(List.of("--search-attribute", attribute.getName() + "=Keyword"));
            }
            return command;
        }
    }

    /**
     * Starts the server and returns once its frontend serves the default namespace (and the UI listens). It stops
     * when this JVM ends, should nobody close it before.
     */
    public static TemporalDevServer start(Options options) {
        TemporalDevServer server = startOwned(options);
        // A JVM that ends without closing it (a killed test run) does not leave the server behind.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "temporal-dev-server-stop"));
        return server;
    }

    /**
     * Starts the server for an owner that stops it itself, in its own order, when the JVM ends (the local stack:
     * the worker first, then Temporal). Either way it runs in a session of its own, so a Ctrl-C in the terminal
     * reaches the JVM, not the server behind the worker's back.
     */
    public static TemporalDevServer startOwned(Options options) {
        try {
            Files.createDirectories(options.logFile().toAbsolutePath().getParent());
            if (options.databaseFile() != null) {
                Files.createDirectories(options.databaseFile().toAbsolutePath().getParent());
            }
            List<String> command = new ArrayList<>(options.command());
            if (Files.isExecutable(SETSID)) {
                command.add(0, SETSID.toString());
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(options.logFile().toFile()));
            // The CLI reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and the like as defaults for its flags.
            builder.environment().keySet().removeIf(name -> name.startsWith("TEMPORAL_"));
            TemporalDevServer server = new TemporalDevServer(builder.start(), options);
            try {
                server.awaitReady();
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + options.cli() + " server start-dev", e);
        }
    }

    public String address() {
        return options.host() + ":" + options.port();
    }

    /** The Web UI's address, or null when headless. */
    public String uiUrl() {
        return options.uiPort() == null ? null : "http://" + options.host() + ":" + options.uiPort();
    }

    public Path logFile() {
        return options.logFile();
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address()).build());
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Temporal's dev server exited with " + process.exitValue()
                            + " before it was ready; its log, " + options.logFile() + ", ends:\n" + logTail());
                }
                if (servesDefaultNamespace(stubs) && (options.uiPort() == null || listening(options.uiPort()))) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Temporal's dev server was not ready after " + READY_TIMEOUT
                            + "; its log, " + options.logFile() + ", ends:\n" + logTail());
                }
                ChildProcesses.pause(100, "Temporal's dev server");
            }
        } finally {
            stubs.shutdownNow();
        }
    }

    private static boolean servesDefaultNamespace(WorkflowServiceStubs stubs) {
        try {
            stubs.blockingStub()
                    .withDeadlineAfter(2, TimeUnit.SECONDS)
                    .describeNamespace(DescribeNamespaceRequest.newBuilder()
                            .setNamespace("default")
                            .build());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(options.host(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        return ChildProcesses.logTail(options.logFile(), 30);
    }

    /** SIGTERM, then SIGKILL if it has not stopped in time. Safe to call twice. */
    @Override
    public void close() {
        ChildProcesses.stop(process, STOP_TIMEOUT);
    }
}
