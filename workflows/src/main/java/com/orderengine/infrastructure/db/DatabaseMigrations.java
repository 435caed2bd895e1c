package com.orderengine.infrastructure.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Applies {@code migrations.xml}, the same changelog the {@code db migrate} command runs. */
public final class DatabaseMigrations {

    public static final String CHANGELOG = "migrations.xml";

    /** Changesets in this context insert the demo catalogue. */
    public static final String DEMO_CONTEXT = "demo";

    private DatabaseMigrations() {}

    public static void apply(DataSource dataSource, boolean demoProducts) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                migrate(connection, demoProducts);
            } finally {
                // Liquibase turns auto-commit off; a pooled connection must go back the way it came.
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("Could not apply database migrations: " + e.getMessage(), e);
        }
    }

    private static void migrate(Connection connection, boolean demoProducts) throws LiquibaseException {
        Database database =
                DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        @SuppressWarnings("deprecation") // Liquibase's command API needs far more wiring for the same call
        Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
        Contexts contexts = demoProducts ? new Contexts(DEMO_CONTEXT) : new Contexts("production");
        updateDeprecated(liquibase, contexts);
    }

    @SuppressWarnings("deprecation")
    private static void updateDeprecated(Liquibase liquibase, Contexts contexts) throws LiquibaseException {
        liquibase.update(contexts, new LabelExpression());
    }
}
