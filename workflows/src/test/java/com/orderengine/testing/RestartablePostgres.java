package com.orderengine.testing;

import com.orderengine.infrastructure.db.DatabaseMigrations;
import com.orderengine.testing.TestPostgres.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A PostgreSQL server of a test's own, on a fixed port and data directory, so the test can stop it (an outage)
 * and start it again with its data intact. The shared {@link TestPostgres} server is never stopped.
 */
public final class RestartablePostgres implements AutoCloseable {

    private static final String NAME = "shop";

    private final Path dataDirectory;
    private final int port;
    private final TestDatabase database;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port;
        start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + NAME, e);
        }
        DataSource dataSource = server.getDatabase("postgres", NAME);
        DatabaseMigrations.apply(dataSource, true);
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        this.database = new TestDatabase(server.getJdbcUrl("postgres", NAME), "postgres", "postgres", dataSource, jdbi);
    }

    /** Starts a server with a migrated database in a fresh {@code dataDirectory}. */
    public static RestartablePostgres start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RestartablePostgres(dataDirectory, FreePorts.next());
    }

    /** The database; its coordinates stay valid across a stop and start. */
    public TestDatabase database() {
        return database;
    }

    /** Shuts the server down (a fast shutdown: clients are disconnected) and keeps its data. */
    public synchronized void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same port and data. */
    public synchronized void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
    }
}
