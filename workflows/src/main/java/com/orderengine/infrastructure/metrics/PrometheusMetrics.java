package com.orderengine.infrastructure.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.util.Duration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * One Prometheus registry per process, served as Prometheus text on the admin port at {@value #PATH}: Dropwizard's
 * metrics (JVM, Jetty, connection pool, health), the Temporal SDK's (through Micrometer), and the engine's own.
 */
public final class PrometheusMetrics {

    public static final String PATH = "/prometheus";

    /** How often the Temporal SDK's tally scope hands its figures to Micrometer. */
    private static final Duration TEMPORAL_REPORT_INTERVAL = Duration.ofSeconds(1);

    private final PrometheusMeterRegistry registry;
    private final Scope temporalScope;

    private PrometheusMetrics(PrometheusMeterRegistry registry, Scope temporalScope) {
        this.registry = registry;
        this.temporalScope = temporalScope;
    }

    /** Creates the registry, bridges Dropwizard's metrics into it and mounts the endpoint on the admin port. */
    public static PrometheusMetrics install(Environment environment) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.getPrometheusRegistry().register(new DropwizardExports(environment.metrics()));
        Scope temporalScope = new RootScopeBuilder()
                .reporter(new MicrometerClientStatsReporter(registry))
                .reportEvery(TEMPORAL_REPORT_INTERVAL);
        environment
                .admin()
                .addServlet("prometheus", new PrometheusServlet(registry))
                .addMapping(PATH);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws Exception {
                temporalScope.close();
                registry.close();
            }
        });
        return new PrometheusMetrics(registry, temporalScope);
    }

    /** Where the engine's own meters go. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Give this to the Temporal client: its calls, the worker's polls, tasks and slots are reported through it. */
    public Scope temporalScope() {
        return temporalScope;
    }
}
