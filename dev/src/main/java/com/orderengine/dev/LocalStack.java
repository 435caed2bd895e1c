package com.orderengine.dev;

import com.orderengine.api.ApiApplication;
import com.orderengine.stripeemulator.StripeEmulator;
import com.orderengine.stripeemulator.StripeEmulatorOptions;
import com.orderengine.worker.WorkerApplication;
import io.temporal.testserver.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole shop on one machine, in one JVM, with nothing to install: embedded PostgreSQL, Temporal's test server,
 * the Stripe emulator, the worker and the api, all configured from the root config.yml.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    public static void main(String[] args) {
        LocalStack stack = new LocalStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start(LocalStackSettings.fromEnvironment(System.getenv()));
        } catch (Exception e) {
            System.err.println();
            System.err.println("The local stack could not start: " + e.getMessage());
            log.debug("Start-up failure", e);
            System.exit(1);
        }
    }

    void start(LocalStackSettings settings) throws Exception {
        long startedAt = System.nanoTime();
        Path config = Path.of("config.yml").toAbsolutePath();
        if (!Files.exists(config)) {
            throw new IllegalStateException("config.yml not found in " + config.getParent()
                    + "; run from the repository root");
        }
        PortCheck.requireFree("api", settings.apiPort(), "HTTP_PORT");
        PortCheck.requireFree("api admin", settings.adminPort(), "ADMIN_PORT");
        PortCheck.requireFree("worker", settings.workerPort(), "WORKER_HTTP_PORT");
        PortCheck.requireFree("worker admin", settings.workerAdminPort(), "WORKER_ADMIN_PORT");
        PortCheck.requireFree("Temporal", settings.temporalPort(), "TEMPORAL_PORT");
        PortCheck.requireFree("Stripe emulator", settings.stripePort(), "STRIPE_EMULATOR_PORT");
        PortCheck.requireFree("PostgreSQL", settings.postgresPort(), "POSTGRES_PORT");

        log.info("Starting PostgreSQL (data in {})", settings.dataDirectory().resolve("postgres"));
        running.push(LocalDatabase.start(settings.dataDirectory().resolve("postgres"), settings.postgresPort()));
        log.info("Starting Temporal test server on {}", settings.temporalAddress());
        TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(settings.temporalPort(), true);
        running.push(temporal::close);
        StripeEmulator stripe = StripeEmulator.start(StripeEmulatorOptions.defaults()
                .withHost(settings.host()).withPort(settings.stripePort()));
        running.push(stripe);

        Map<String, String> shared = new HashMap<>();
        shared.put("BIND_HOST", settings.host());
        shared.put("ADMIN_BIND_HOST", settings.host());
        shared.put("DATABASE_URL", settings.jdbcUrl());
        shared.put("DATABASE_USER", "postgres");
        shared.put("DATABASE_PASSWORD", "postgres");
        shared.put("TEMPORAL_ADDRESS", settings.temporalAddress());
        shared.put("STRIPE_SECRET_KEY", settings.stripeSecretKey());
        shared.put("STRIPE_WEBHOOK_SECRET", settings.webhookSecret());
        shared.put("STRIPE_API_BASE", settings.stripeApiBase());
        shared.put("SITE_URL", settings.siteUrl());
        // Quiet by default: the engine's own lines (com.orderengine stays INFO in config.yml) and warnings.
        shared.put("LOG_LEVEL", System.getenv().getOrDefault("LOG_LEVEL", "WARN"));

        Map<String, String> worker = new HashMap<>(shared);
        worker.put("HTTP_PORT", String.valueOf(settings.workerPort()));
        worker.put("ADMIN_PORT", String.valueOf(settings.workerAdminPort()));
        running.push(EngineProcess.start("worker", new WorkerApplication(), config.toString(), worker));

        Map<String, String> api = new HashMap<>(shared);
        api.put("HTTP_PORT", String.valueOf(settings.apiPort()));
        api.put("ADMIN_PORT", String.valueOf(settings.adminPort()));
        running.push(EngineProcess.start("api", new ApiApplication(), config.toString(), api));

        double seconds = (System.nanoTime() - startedAt) / 1e9;
        System.out.println(banner(settings, stripe, seconds));
    }

    /** Stops in reverse order: api and worker first, the services they use last. */
    void stop() {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Error while stopping: {}", e.toString());
            }
        }
    }

    private static String banner(LocalStackSettings s, StripeEmulator stripe, double seconds) {
        String api = "http://localhost:" + s.apiPort();
        return String.format("""

                ================================================================
                 Order engine local stack is up (%.1f s)

                 API            %s/api/products
                 Health         http://localhost:%d/healthcheck
                 Stripe         %s%s
                 Temporal       %s (namespace default, task queue orders)
                 PostgreSQL     %s (user postgres, data in %s)

                 Try:  curl -s -X POST %s/api/checkout -H 'Content-Type: application/json' \\
                         -d '{"items":[{"productId":1,"quantity":2}],"email":"you@example.com"}'
                 Stop with Ctrl-C.
                ================================================================
                """, seconds, api, s.adminPort(),
                s.usesEmulator() ? stripe.baseUrl() : s.stripeApiBase(),
                s.usesEmulator() ? " (emulator)" : " (real Stripe)",
                s.temporalAddress(), s.jdbcUrl(), s.dataDirectory().resolve("postgres"), api);
    }
}
