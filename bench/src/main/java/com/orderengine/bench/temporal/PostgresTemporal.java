package com.orderengine.bench.temporal;

import com.orderengine.bench.process.ExternalCommand;
import com.orderengine.bench.process.FreePorts;
import com.orderengine.bench.stack.TemporalInfo;
import com.orderengine.infrastructure.tools.ChildProcesses;
import com.orderengine.infrastructure.tools.ProjectTools;
import com.orderengine.order.workflow.OrderSearchAttributes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Temporal as production runs it: {@code temporal-server} (go.temporal.io/server 1.29.1, built into .tools/bin) on
 * PostgreSQL, its state in databases of its own on an embedded PostgreSQL of its own, started here. Not the stack's
 * PostgreSQL: the stack starts that one itself and needs Temporal before it does; and apart, the shop database's
 * CPU stays the shop's, as with docker-compose's two PostgreSQL services.
 *
 * <p>What Temporal's docker auto-setup does, step by step: the databases, their schemas with temporal-sql-tool (the
 * versioned schemas embedded in that binary, so they always match the server), the server from a config file,
 * then the {@code default} namespace and the order search attributes with the Temporal CLI.
 */
final class PostgresTemporal implements TemporalProcess {

    /** The server's four services, a gRPC and a membership port each. */
    private static final int SERVICE_PORTS = 8;

    static final String DATABASE = "temporal";
    static final String VISIBILITY_DATABASE = "temporal_visibility";
    static final String NAMESPACE = "default";
    /** zonky's initdb user; local connections are trusted, the password is only what the tools insist on. */
    private static final String USER = "postgres";

    private static final String ENVIRONMENT = "bench";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;
    private final Long postmasterPid;
    private final String postgresFacts;
    private final Process server;
    private final String command;
    private final TemporalServerConfig config;
    private String serverVersion = "?";
    private boolean closed;

    private PostgresTemporal(
            EmbeddedPostgres postgres,
            Long postmasterPid,
            String postgresFacts,
            Process server,
            String command,
            TemporalServerConfig config) {
        this.postgres = postgres;
        this.postmasterPid = postmasterPid;
        this.postgresFacts = postgresFacts;
        this.server = server;
        this.command = command;
        this.config = config;
    }

    static PostgresTemporal start(ProjectTools tools, int postgresPort, Path stateDirectory, Path logDirectory) {
        // Found, or built when Go is here, before anything starts: a failed build leaves nothing running.
        Path serverBinary = tools.require(ProjectTools.TEMPORAL_SERVER);
        Path sqlTool = tools.require(ProjectTools.TEMPORAL_SQL_TOOL);
        Path cli = tools.require(ProjectTools.TEMPORAL);
        // Below 32768: temporal-server stores its membership ports in a SMALLINT column and exits with one above
        // ("value ... is out of range for type smallint"), and the kernel hands out free ports from 32768 up.
        TemporalServerConfig config =
                TemporalServerConfig.of(FreePorts.pickBetween(SERVICE_PORTS, 20_000, 32_768), postgresPort, USER, USER);
        Path setupLog = logDirectory.resolve("temporal-setup.log");

        EmbeddedPostgres postgres = startPostgres(
                stateDirectory.resolve("postgres"),
                config.postgresPort(),
                logDirectory.resolve("temporal-postgres.log"));
        PostgresTemporal temporal = null;
        try {
            String postgresFacts = createDatabases(postgres);
            applySchema(sqlTool, config, DATABASE, "postgresql/v12/temporal", setupLog);
            applySchema(sqlTool, config, VISIBILITY_DATABASE, "postgresql/v12/visibility", setupLog);

            Path root = stateDirectory.resolve("server");
            Path configFile = root.resolve("config").resolve(ENVIRONMENT + ".yaml");
            Files.createDirectories(configFile.getParent());
            Files.writeString(configFile, config.yaml());
            // A copy beside the logs: the run's data directory, and the file the server read, are deleted at the end.
            Files.writeString(logDirectory.resolve("temporal-server.yaml"), config.yaml());
            // 1.29 reads <root>/<config>/<env>.yaml; it has no flag naming a file.
            List<String> command = List.of(
                    serverBinary.toString(),
                    "--root",
                    root.toString(),
                    "--config",
                    "config",
                    "--env",
                    ENVIRONMENT,
                    "--allow-no-auth",
                    "start");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logDirectory.resolve("temporal-server.log").toFile()));
            ExternalCommand.withoutToolVariables(builder);
            Process server = builder.start();
            temporal = new PostgresTemporal(
                    postgres,
                    postmasterPid(stateDirectory.resolve("postgres")),
                    postgresFacts,
                    server,
                    CommandLines.of(server.pid(), tools.root(), String.join(" ", command)),
                    config);
            temporal.setUp(cli, setupLog, logDirectory.resolve("temporal-server.log"));
            return temporal;
        } catch (IOException e) {
            stop(temporal, postgres);
            throw new UncheckedIOException("could not start temporal-server", e);
        } catch (RuntimeException e) {
            stop(temporal, postgres);
            throw e;
        }
    }

    private static void stop(PostgresTemporal temporal, EmbeddedPostgres postgres) {
        if (temporal != null) {
            temporal.close();
        } else {
            closeQuietly(postgres);
        }
    }

    /**
     * fsync and synchronous_commit on, PostgreSQL's defaults, which zonky turns off for tests (it starts postgres
     * with -F and synchronous_commit=off; a later -c wins): a workflow state change Temporal acknowledged is then
     * on disk, as in production and as with the dev server's SQLite (synchronous=full).
     */
    private static EmbeddedPostgres startPostgres(Path dataDirectory, int port, Path log) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder.Redirect output = ProcessBuilder.Redirect.appendTo(log.toFile());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // The caller stops it, after the server that uses it (the bench's own Ctrl-C hook included).
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(output)
                    .setErrorRedirector(output)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Temporal's PostgreSQL", e);
        }
    }

    /**
     * The two databases, as auto-setup's create-database does. Returns what the report says of the server: its
     * version and its durability settings as it reports them, not as they were asked for.
     */
    private static String createDatabases(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("CREATE DATABASE " + VISIBILITY_DATABASE);
            return "PostgreSQL " + show(statement, "server_version") + ", fsync " + show(statement, "fsync")
                    + ", synchronous_commit " + show(statement, "synchronous_commit");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create Temporal's databases: " + e.getMessage(), e);
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
            return value.next() ? value.getString(1) : "?";
        }
    }

    /**
     * Version 0.0, then every versioned step up to the newest, as auto-setup does. {@code --schema-name} takes the
     * schemas compiled into this temporal-sql-tool (1.29.1's help lists only MySQL's for update-schema, but it
     * accepts PostgreSQL's), so no Go module cache or source checkout is needed.
     */
    private static void applySchema(
            Path sqlTool, TemporalServerConfig config, String database, String schema, Path log) {
        List<String> connection = List.of(
                sqlTool.toString(),
                "--plugin",
                "postgres12",
                "--ep",
                "127.0.0.1",
                "-p",
                String.valueOf(config.postgresPort()),
                "-u",
                config.user(),
                "--pw",
                config.password(),
                "--db",
                database);
        run(connection, List.of("setup-schema", "-v", "0.0"), log);
        run(connection, List.of("update-schema", "--schema-name", schema), log);
    }

    private static void run(List<String> base, List<String> arguments, Path log) {
        List<String> command = new ArrayList<>(base);
        command.addAll(arguments);
        ExternalCommand.Result result = ExternalCommand.run(command, log, COMMAND_TIMEOUT);
        if (!result.succeeded()) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + result.exitCode()
                    + " (output in " + log + "):\n" + tail(result.output()));
        }
    }

    /**
     * Waits for the frontend, then registers the namespace and the search attributes, and returns once a
     * visibility query on them runs: until the server's caches have them, the engine's first workflows would be
     * refused.
     */
    private void setUp(Path cli, Path setupLog, Path serverLog) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String address = config.frontendAddress();
        try (TemporalFrontend frontend = new TemporalFrontend(address)) {
            await(
                    "its frontend answers",
                    deadline,
                    serverLog,
                    () -> frontend.serverVersion().isPresent());
            serverVersion = frontend.serverVersion().orElse("?");
            // Retention of closed workflows as auto-setup's default; a run lasts minutes, so none is deleted.
            List<String> namespace = List.of(
                    cli.toString(),
                    "operator",
                    "namespace",
                    "create",
                    "--namespace",
                    NAMESPACE,
                    "--retention",
                    "24h",
                    "--address",
                    address);
            await(
                    "the default namespace is registered",
                    deadline,
                    serverLog,
                    () -> createdOrExists(namespace, setupLog));
            await("it serves the default namespace", deadline, serverLog, () -> frontend.servesNamespace(NAMESPACE));
            List<String> attributes = new ArrayList<>(List.of(
                    cli.toString(),
                    "operator",
                    "search-attribute",
                    "create",
                    "--namespace",
                    NAMESPACE,
                    "--address",
                    address));
            for (var attribute : OrderSearchAttributes.ALL) {
                attributes.addAll(List.of("--name", attribute.getName(), "--type", "Keyword"));
            }
            await(
                    "the order search attributes are registered",
                    deadline,
                    serverLog,
                    () -> createdOrExists(attributes, setupLog));
            await("a query on OrderStatus runs", deadline, serverLog, () -> frontend.listsPendingOrders(NAMESPACE));
        }
    }

    private static boolean createdOrExists(List<String> command, Path log) {
        ExternalCommand.Result result = ExternalCommand.run(command, log, COMMAND_TIMEOUT);
        return result.succeeded() || result.output().toLowerCase(Locale.ROOT).contains("already");
    }

    private void await(String what, long deadline, Path serverLog, BooleanSupplier ready) {
        while (!ready.getAsBoolean()) {
            if (!server.isAlive()) {
                throw new IllegalStateException("temporal-server exited with " + server.exitValue() + " before " + what
                        + "; its log, " + serverLog + ", ends:\n" + tail(serverLog));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("temporal-server was not ready after " + READY_TIMEOUT.toSeconds()
                        + " s: not until " + what + " (the set-up commands' output is in temporal-setup.log); "
                        + "its log, " + serverLog + ", ends:\n" + tail(serverLog));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what, e);
            }
        }
    }

    /** PostgreSQL runs under pg_ctl, not as a child of this JVM; its data directory names the postmaster. */
    private static Long postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? null : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String address() {
        return config.frontendAddress();
    }

    @Override
    public TemporalInfo info() {
        return new TemporalInfo(
                "Temporal: temporal-server " + serverVersion + " on PostgreSQL (config: "
                        + "logs/temporal-server.yaml)",
                server.pid(),
                command,
                postmasterPid,
                postgresFacts + ", at 127.0.0.1:" + config.postgresPort() + ", databases " + DATABASE + " and "
                        + VISIBILITY_DATABASE);
    }

    /** The server first (SIGTERM: it drains and says "All services are stopped"), then its database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ChildProcesses.stop(server, STOP_TIMEOUT);
        closeQuietly(postgres);
        // pg_ctl stop returns when the pid file is gone; the postmaster may take a moment longer to exit.
        if (postmasterPid != null) {
            ProcessHandle.of(postmasterPid).ifPresent(postmaster -> {
                try {
                    postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    postmaster.destroyForcibly();
                }
            });
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop Temporal's PostgreSQL: " + e.getMessage());
        }
    }

    private static String tail(Path log) {
        try {
            return tail(Files.readString(log));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
