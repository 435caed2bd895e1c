package com.orderengine.dev.system.testing;

import com.orderengine.api.ApiApplication;
import com.orderengine.dev.OrderLogTagger;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.infrastructure.tools.ProjectTools;
import com.orderengine.infrastructure.tools.TemporalDevServer;
import com.orderengine.stripeemulator.StripeEmulator;
import com.orderengine.stripeemulator.StripeEmulatorOptions;
import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import com.orderengine.worker.WorkerApplication;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole engine for system tests, from real parts: a fresh database on embedded PostgreSQL, Temporal's own
 * server (the CLI's dev server, in memory, headless, on a free port), the Stripe emulator, and the worker and api
 * applications started from the root config.yml, each with its own property prefix so their overrides do not mix.
 */
public final class OrderEngineStack implements AfterAllCallback {

    public static final String WEBHOOK_SECRET = "whsec_system_test_secret";
    public static final String SECRET_KEY = "sk_test_system";
    public static final String SITE_URL = "http://shop.test";
    public static final String CONFIG =
            Path.of("..", "config.yml").toAbsolutePath().normalize().toString();

    public final TestDatabase database;
    public final StripeEmulator stripe =
            StripeEmulator.start(StripeEmulatorOptions.defaults().withLogTagger(new OrderLogTagger()));
    public final int temporalPort = freePort();
    private final TemporalDevServer temporalServer = TemporalDevServer.start(TemporalDevServer.Options.inMemory(
            ProjectTools.ofWorkingDirectory().require(ProjectTools.TEMPORAL),
            temporalPort,
            Path.of("target", "temporal-" + temporalPort + ".log")));
    private WorkflowServiceStubs stubs;

    /** A stack on a fresh database of the shared test server. */
    public OrderEngineStack() {
        this(TestPostgres.newDatabase());
    }

    /** A stack on the given database, e.g. one on a server the test stops and starts. */
    public OrderEngineStack(TestDatabase database) {
        this.database = database;
    }

    public String temporalTarget() {
        return "127.0.0.1:" + temporalPort;
    }

    public DropwizardAppExtension<OrderEngineConfiguration> worker() {
        return worker("worker");
    }

    /** A worker under its own name, which is also its Temporal identity: several can run side by side. */
    public DropwizardAppExtension<OrderEngineConfiguration> worker(String name) {
        List<ConfigOverride> overrides = overrides(name, temporalTarget());
        overrides.add(ConfigOverride.config(name, "temporal.identity", name));
        return new DropwizardAppExtension<>(
                WorkerApplication.class, CONFIG, name, overrides.toArray(ConfigOverride[]::new));
    }

    public DropwizardAppExtension<OrderEngineConfiguration> api() {
        return api(temporalTarget());
    }

    /** The api pointed at any Temporal address, e.g. one where nothing listens. */
    public DropwizardAppExtension<OrderEngineConfiguration> api(String temporalTarget, ConfigOverride... extra) {
        List<ConfigOverride> overrides = overrides("api", temporalTarget);
        overrides.addAll(List.of(extra));
        return new DropwizardAppExtension<>(
                ApiApplication.class, CONFIG, "api", overrides.toArray(ConfigOverride[]::new));
    }

    private List<ConfigOverride> overrides(String prefix, String temporalTarget) {
        List<ConfigOverride> overrides = new ArrayList<>();
        overrides.add(ConfigOverride.randomPorts(prefix));
        overrides.add(ConfigOverride.config(prefix, "database.url", database.jdbcUrl()));
        overrides.add(ConfigOverride.config(prefix, "database.user", database.user()));
        overrides.add(ConfigOverride.config(prefix, "database.password", database.password()));
        overrides.add(ConfigOverride.config(prefix, "temporal.target", temporalTarget));
        overrides.add(ConfigOverride.config(prefix, "temporal.rpcTimeout", "2s"));
        overrides.add(ConfigOverride.config(prefix, "stripe.secretKey", SECRET_KEY));
        overrides.add(ConfigOverride.config(prefix, "stripe.webhookSecret", WEBHOOK_SECRET));
        overrides.add(ConfigOverride.config(prefix, "stripe.apiBase", stripe.baseUrl()));
        overrides.add(ConfigOverride.config(prefix, "checkout.siteUrl", SITE_URL));
        overrides.add(ConfigOverride.config(prefix, "logging.level", "WARN"));
        return overrides;
    }

    /** The environment a worker started as its own process needs to join this stack (see {@link WorkerProcess}). */
    public Map<String, String> workerEnvironment() {
        return Map.of(
                "DATABASE_URL", database.jdbcUrl(),
                "DATABASE_USER", database.user(),
                "DATABASE_PASSWORD", database.password(),
                "TEMPORAL_ADDRESS", temporalTarget(),
                "TEMPORAL_RPC_TIMEOUT", "2s",
                "STRIPE_SECRET_KEY", SECRET_KEY,
                "STRIPE_API_BASE", stripe.baseUrl(),
                "SITE_URL", SITE_URL,
                "LOG_LEVEL", "INFO");
    }

    /** A client of the same Temporal server, for describing workflows the way an operator would. */
    public synchronized WorkflowClient temporalClient() {
        if (stubs == null) {
            stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                    .setTarget(temporalTarget())
                    .build());
        }
        return WorkflowClient.newInstance(
                stubs,
                WorkflowClientOptions.newBuilder().setNamespace("default").build());
    }

    /** Registered first, so it closes last: after the applications that use it have stopped. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public void close() {
        if (stubs != null) {
            stubs.shutdownNow();
        }
        temporalServer.close();
        stripe.close();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
