package com.orderengine.testing;

import com.orderengine.infrastructure.db.DatabaseMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries), and a fresh, migrated database for each
 * caller, so test classes never see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting either way
                }
            }));
        }
        return server;
    }

    /** Creates an empty database with the schema and the demo products. */
    public static TestDatabase newDatabase() {
        EmbeddedPostgres pg = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = pg.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        DataSource dataSource = pg.getDatabase("postgres", name);
        DatabaseMigrations.apply(dataSource, true);
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        return new TestDatabase(pg.getJdbcUrl("postgres", name), "postgres", "postgres", dataSource, jdbi);
    }

    /** A migrated database: its JDBC coordinates for applications under test, and a JDBI for assertions. */
    public record TestDatabase(String jdbcUrl, String user, String password, DataSource dataSource, Jdbi jdbi) {

        public int count(String sql, Object... args) {
            return jdbi.withHandle(handle -> {
                var query = handle.createQuery(sql);
                for (int i = 0; i < args.length; i++) {
                    query.bind(i, args[i]);
                }
                return query.mapTo(Integer.class).one();
            });
        }

        public String status(String orderId) {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT status FROM orders WHERE reference = :ref")
                    .bind("ref", orderId)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null));
        }
    }
}
