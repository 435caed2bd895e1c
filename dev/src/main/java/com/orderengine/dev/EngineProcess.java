package com.orderengine.dev;

import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.sourceforge.argparse4j.inf.Namespace;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookup;
import org.eclipse.jetty.server.Server;

/**
 * Runs the api or the worker inside this JVM exactly as {@code java -jar … server config.yml} would, except that
 * config.yml's {@code ${VAR}}s are read from the given variables first: several applications in one JVM cannot
 * each have their own environment.
 */
final class EngineProcess implements AutoCloseable {

    private final String name;
    private final Server server;

    private EngineProcess(String name, Server server) {
        this.name = name;
        this.server = server;
    }

    static EngineProcess start(
            String name,
            Application<OrderEngineConfiguration> application,
            String configFile,
            Map<String, String> variables)
            throws Exception {
        Bootstrap<OrderEngineConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        // What Application.run does before a command: the JVM's gauges (heap, threads, GC) in the app's metrics.
        bootstrap.registerMetrics();
        bootstrap.setConfigurationSourceProvider(configurationSource(variables));
        AtomicReference<Server> started = new AtomicReference<>();
        bootstrap.addBundle(new ConfiguredBundle<>() {
            @Override
            public void run(OrderEngineConfiguration configuration, Environment environment) {
                environment.lifecycle().addServerLifecycleListener(started::set);
            }
        });
        new ServerCommand<>(application).run(bootstrap, new Namespace(Map.of("file", configFile)));
        if (started.get() == null) {
            throw new IllegalStateException(name + " did not start");
        }
        return new EngineProcess(name, started.get());
    }

    /** config.yml read with its {@code ${VAR}}s taken from {@code variables} first, then the environment. */
    static ConfigurationSourceProvider configurationSource(Map<String, String> variables) {
        StringLookup lookup = key -> variables.containsKey(key) ? variables.get(key) : System.getenv(key);
        StringSubstitutor substitutor = new StringSubstitutor(lookup);
        substitutor.setEnableUndefinedVariableException(false);
        return new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor);
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
