package com.orderengine.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Real PostgreSQL 17 from zonky's binaries, with its data under the project's data directory so orders survive, and
 * durable commits so they survive a crash of the machine too.
 */
final class LocalDatabase implements AutoCloseable {

    static final String NAME = "shop";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalDatabase start(Path directory, int port) throws IOException, SQLException {
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                // PostgreSQL's own defaults, which zonky turns off for tests (-F, synchronous_commit=off): a
                // committed order or status change is on disk before the engine answers, as Temporal's state is.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + NAME);
                }
            }
        }
        return new LocalDatabase(postgres);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
