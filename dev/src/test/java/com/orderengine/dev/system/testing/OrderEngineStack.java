package com.orderengine.dev.system.testing;

import com.orderengine.api.ApiApplication;
import com.orderengine.dev.LocalMail;
import com.orderengine.dev.LocalStack;
import com.orderengine.dev.LocalStackSettings;
import com.orderengine.dev.ReceivedMail;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.stripeemulator.StripeEmulator;
import com.orderengine.testing.FreePorts;
import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import com.orderengine.worker.WorkerApplication;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole engine for system tests, started by the {@link LocalStack} like the shop on a laptop and the
 * benchmark: its services (Temporal's dev server, the Stripe emulator, the mail server) on free ports with a fresh data directory,
 * on a fresh database of the shared test PostgreSQL, with the emulator's webhooks off (the tests deliver events
 * themselves). The api and the worker are Dropwizard test applications, configured by the stack's own
 * {@link LocalStack#variables} from the root config.yml, each with its own property prefix for a test's overrides.
 */
public final class OrderEngineStack implements AfterAllCallback {

    public static final String WEBHOOK_SECRET = "whsec_system_test_secret";
    public static final String SECRET_KEY = "sk_test_system";
    public static final String SITE_URL = "http://shop.test";
    public static final String CONFIG =
            Path.of("..", "config.yml").toAbsolutePath().normalize().toString();

    /** A short deadline for calls to Temporal, so that a test of an unreachable one ends quickly. */
    private static final Map<String, String> TEST_VARIABLES = Map.of("TEMPORAL_RPC_TIMEOUT", "2s", "LOG_LEVEL", "WARN");

    public final TestDatabase database;
    public final StripeEmulator stripe;
    private final LocalStack stack;
    private WorkflowServiceStubs stubs;

    /** A stack on a fresh database of the shared test server. */
    public OrderEngineStack() {
        this(TestPostgres.newDatabase());
    }

    /** A stack on the given database, e.g. one on a server the test stops and starts. */
    public OrderEngineStack(TestDatabase database) {
        this.database = database;
        this.stack = start(database);
        this.stripe = stack.stripe();
    }

    /**
     * Temporal's dev server also binds ports of its own choosing for its internal services, which another process
     * may take between its choice and its bind; a stack that loses that race starts again on fresh ports.
     */
    private static LocalStack start(TestDatabase database) {
        for (int attempt = 1; ; attempt++) {
            try {
                return LocalStack.startServices(settings(database), Path.of(CONFIG), TEST_VARIABLES);
            } catch (Exception e) {
                if (attempt < 3 && String.valueOf(e.getMessage()).contains("address already in use")) {
                    continue;
                }
                throw new IllegalStateException("The system test stack did not start: " + e.getMessage(), e);
            }
        }
    }

    private static LocalStackSettings settings(TestDatabase database) {
        int stripePort = freePort();
        Path data;
        try {
            data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "system-stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LocalStackSettings(
                "127.0.0.1",
                0,
                0,
                0,
                0,
                freePort(),
                freePort(),
                stripePort,
                0,
                freePort(),
                freePort(),
                freePort(),
                data,
                SECRET_KEY,
                WEBHOOK_SECRET,
                "http://127.0.0.1:" + stripePort,
                SITE_URL,
                null,
                new LocalStackSettings.ExternalDatabase(database.jdbcUrl(), database.user(), database.password()),
                false);
    }

    /** The stack's mail server, where the worker's relay sends. */
    public LocalMail mail() {
        return stack.mail();
    }

    /** The mail with this Message-ID (without angle brackets) once the mail server has it, or a failed assertion. */
    public ReceivedMail awaitMail(String messageId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ReceivedMail mail : stack.mail().received()) {
                if (("<" + messageId + ">").equals(mail.messageId())) {
                    return mail;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mail <" + messageId + "> within " + timeout + "; received: "
                        + stack.mail().received().stream()
                                .map(ReceivedMail::messageId)
                                .toList());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public String temporalTarget() {
        return stack.settings().temporalAddress();
    }

    public DropwizardAppExtension<OrderEngineConfiguration> worker() {
        return worker("worker");
    }

    /** A worker under its own name, which is also its Temporal identity: several can run side by side. */
    public DropwizardAppExtension<OrderEngineConfiguration> worker(String name, ConfigOverride... extra) {
        ConfigOverride[] overrides = Arrays.copyOf(extra, extra.length + 1);
        overrides[extra.length] = ConfigOverride.config(name, "temporal.identity", name);
        return application(WorkerApplication.class, name, temporalTarget(), overrides);
    }

    public DropwizardAppExtension<OrderEngineConfiguration> api() {
        return api(temporalTarget());
    }

    /** The api pointed at any Temporal address, e.g. one where nothing listens. */
    public DropwizardAppExtension<OrderEngineConfiguration> api(String temporalTarget, ConfigOverride... extra) {
        return application(ApiApplication.class, "api", temporalTarget, extra);
    }

    /** On free ports; {@code prefix} keeps the application's overrides apart from the others'. */
    private DropwizardAppExtension<OrderEngineConfiguration> application(
            Class<? extends Application<OrderEngineConfiguration>> application,
            String prefix,
            String temporalTarget,
            ConfigOverride... overrides) {
        Map<String, String> variables = new HashMap<>(stack.variables(0, 0));
        variables.put("TEMPORAL_ADDRESS", temporalTarget);
        return new DropwizardAppExtension<>(
                application, CONFIG, LocalStack.configurationSource(variables), prefix, overrides);
    }

    /** The environment a worker started as its own process needs to join this stack (see {@link WorkerProcess}). */
    public Map<String, String> workerEnvironment() {
        Map<String, String> environment = new HashMap<>(stack.variables(0, 0));
        environment.put("LOG_LEVEL", "INFO");
        return environment;
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
        stack.close();
    }

    public static int freePort() {
        return FreePorts.next();
    }
}
