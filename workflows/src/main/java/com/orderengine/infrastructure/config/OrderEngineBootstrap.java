package com.orderengine.infrastructure.config;

import com.orderengine.infrastructure.db.DatabaseMigrations;
import com.orderengine.infrastructure.db.StatementNamingTemplateEngine;
import com.orderengine.infrastructure.metrics.PrometheusMetrics;
import com.orderengine.infrastructure.temporal.TemporalConnection;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;

/** What the api and the worker set up alike: config substitution, migrations, the pooled database, metrics. */
public final class OrderEngineBootstrap {

    private OrderEngineBootstrap() {}

    /** {@code ${VAR:-default}} in config.yml, and the {@code db} commands (e.g. {@code db migrate config.yml}). */
    public static void initialize(Bootstrap<OrderEngineConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(OrderEngineConfiguration configuration) {
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return DatabaseMigrations.CHANGELOG;
            }
        });
    }

    /** JDBI over the pooled data source (with a health check), migrated first when configured to. */
    public static Jdbi database(OrderEngineConfiguration configuration, Environment environment) {
        return jdbi(configuration, environment, dataSource(configuration, environment));
    }

    /** The pooled data source, migrated first when configured to; for what needs JDBC itself. */
    public static ManagedDataSource dataSource(OrderEngineConfiguration configuration, Environment environment) {
        ManagedDataSource dataSource = configuration.getDatabase().build(environment.metrics(), "postgresql");
        configuration.getMigrations().applyIfEnabled(dataSource);
        return dataSource;
    }

    /** JDBI over {@code dataSource}, which it manages (opened and closed with the application). */
    public static Jdbi jdbi(
            OrderEngineConfiguration configuration, Environment environment, ManagedDataSource dataSource) {
        Jdbi jdbi = new JdbiFactory().build(environment, configuration.getDatabase(), dataSource, "postgresql");
        jdbi.installPlugin(new PostgresPlugin());
        // Replaces Dropwizard's statement-naming engine with one whose parsed templates Jdbi can cache.
        jdbi.setTemplateEngine(new StatementNamingTemplateEngine(new DefinedAttributeTemplateEngine()));
        return jdbi;
    }

    /** The Prometheus registry and its admin endpoint; create it before anything that reports to it. */
    public static PrometheusMetrics metrics(Environment environment) {
        return PrometheusMetrics.install(environment);
    }

    public static TemporalConnection temporal(
            OrderEngineConfiguration configuration, Environment environment, PrometheusMetrics metrics) {
        return configuration.getTemporal().build(environment, metrics.temporalScope());
    }
}
