package com.orderengine.dev;

import com.orderengine.api.ApiApplication;
import com.orderengine.infrastructure.tools.ProjectTools;
import com.orderengine.stripeemulator.StripeEmulator;
import com.orderengine.stripeemulator.StripeEmulatorOptions;
import com.orderengine.worker.WorkerApplication;
import com.stripe.Stripe;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole shop on one machine, with nothing to install by hand: embedded PostgreSQL, Temporal's own dev server
 * with its Web UI (see {@link LocalTemporal}), the Stripe emulator (hosted checkout page, signed webhooks), a mail
 * server that keeps what the shop sends (see {@link LocalMail}), the worker and the api with the storefront, all
 * configured from the root config.yml. The same stack runs the browser tests and demos.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /**
     * Stripe retries a webhook for three days, the first retries minutes apart; the local stack's emulator for
     * about an hour and a half (30 s doubling to five minutes between attempts, each ±25 %), so a backlog left by
     * a long stop is still delivered after a restart, and comes back spread out as Stripe's does.
     */
    static final int WEBHOOK_DELIVERY_ATTEMPTS = 20;

    static final Duration WEBHOOK_FIRST_RETRY = Duration.ofSeconds(30);

    private final LocalStackSettings settings;
    private final Map<String, String> configVariables;
    private final Deque<Part> running = new ArrayDeque<>();

    /** What runs, by the name the shutdown lines give it. */
    private record Part(String name, AutoCloseable part) {}

    private StripeEmulator stripe;
    private LocalTemporal temporal;
    private LocalMail mail;

    private LocalStack(LocalStackSettings settings, Map<String, String> configVariables) {
        this.settings = settings;
        this.configVariables = Map.copyOf(configVariables);
    }

    public static void main(String[] args) {
        // Logback's own status lines (a version notice from Dropwizard's request log) are noise for a newcomer.
        System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        LocalStack stack;
        try {
            stack = start(LocalStackSettings.fromEnvironment(System.getenv()), Path.of("config.yml"));
        } catch (Exception e) {
            System.err.println();
            System.err.println("The local stack could not start: " + e.getMessage());
            log.debug("Start-up failure", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
    }

    /** Starts everything, or nothing: what started is stopped again when a later part fails. */
    public static LocalStack start(LocalStackSettings settings, Path configFile) throws Exception {
        return start(settings, configFile, Map.of());
    }

    /**
     * @param configVariables config.yml's {@code ${VAR}}s for the api and the worker, over the environment and the
     *                        stack's own (a test's tuning, say)
     */
    public static LocalStack start(LocalStackSettings settings, Path configFile, Map<String, String> configVariables)
            throws Exception {
        return startOrNothing(new LocalStack(settings, configVariables), stack -> stack.startAll(configFile));
    }

    public LocalStackSettings settings() {
        return settings;
    }

    /** The stack's emulator; null when STRIPE_API_BASE names another Stripe. */
    public StripeEmulator stripe() {
        return stripe;
    }

    /** The stack's mail server: what the worker's relay sent. */
    public LocalMail mail() {
        return mail;
    }

    public String storefrontUrl() {
        return "http://localhost:" + settings.apiPort();
    }

    /**
     * The services alone: PostgreSQL, Temporal and the Stripe emulator, for a test that runs the api and the worker
     * itself, configured by {@link #variables} as this stack would run them.
     */
    public static LocalStack startServices(
            LocalStackSettings settings, Path configFile, Map<String, String> configVariables) throws Exception {
        return startOrNothing(new LocalStack(settings, configVariables), stack -> stack.startServices(configFile));
    }

    /** What started is stopped again when a later part fails. */
    private static LocalStack startOrNothing(LocalStack stack, Start start) throws Exception {
        try {
            start.run(stack);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    @FunctionalInterface
    private interface Start {
        void run(LocalStack stack) throws Exception;
    }

    private void startAll(Path configFile) throws Exception {
        Path config = configFile.toAbsolutePath();
        long startedAt = System.nanoTime();
        PortCheck.requireFree("api", settings.apiPort(), "HTTP_PORT");
        PortCheck.requireFree("api admin", settings.adminPort(), "ADMIN_PORT");
        PortCheck.requireFree("worker", settings.workerPort(), "WORKER_HTTP_PORT");
        PortCheck.requireFree("worker admin", settings.workerAdminPort(), "WORKER_ADMIN_PORT");
        startServices(config);
        running.push(new Part(
                "worker",
                EngineProcess.start(
                        "worker",
                        new WorkerApplication(),
                        config.toString(),
                        variables(settings.workerPort(), settings.workerAdminPort()))));
        running.push(new Part(
                "api",
                EngineProcess.start(
                        "api",
                        new ApiApplication(),
                        config.toString(),
                        variables(settings.apiPort(), settings.adminPort()))));

        double seconds = (System.nanoTime() - startedAt) / 1e9;
        System.out.println(banner(seconds));
    }

    private void startServices(Path configFile) throws Exception {
        Path config = configFile.toAbsolutePath();
        if (!Files.exists(config)) {
            throw new IllegalStateException("config.yml not found at " + config + "; run from the repository root");
        }
        if (settings.startsTemporal()) {
            PortCheck.requireFree("Temporal", settings.temporalPort(), "TEMPORAL_PORT");
            PortCheck.requireFree("Temporal Web UI", settings.temporalUiPort(), "TEMPORAL_UI_PORT");
        }
        if (settings.usesEmulator()) {
            PortCheck.requireFree("Stripe emulator", settings.stripePort(), "STRIPE_EMULATOR_PORT");
        }
        if (settings.startsDatabase()) {
            PortCheck.requireFree("PostgreSQL", settings.postgresPort(), "POSTGRES_PORT");
        }
        PortCheck.requireFree("mail (SMTP)", settings.smtpPort(), "MAIL_SMTP_PORT");
        PortCheck.requireFree("mail (IMAP)", settings.imapPort(), "MAIL_IMAP_PORT");
        PortCheck.requireFree("mail page", settings.mailPagePort(), "MAIL_PAGE_PORT");
        // Found (or built, which takes minutes once per machine) before anything starts, so a failed build
        // leaves nothing running.
        Optional<Path> temporalCli = settings.startsTemporal()
                ? LocalTemporal.cli(new ProjectTools(config.getParent(), System.getenv()))
                : Optional.empty();

        if (settings.startsDatabase()) {
            log.info(
                    "Starting PostgreSQL (data in {})", settings.dataDirectory().resolve("postgres"));
            running.push(new Part(
                    "PostgreSQL",
                    LocalDatabase.start(settings.dataDirectory().resolve("postgres"), settings.postgresPort())));
        } else {
            log.info("Using the PostgreSQL at {} (DATABASE_URL)", settings.jdbcUrl());
        }
        if (settings.startsTemporal()) {
            temporal = LocalTemporal.start(settings, temporalCli);
            running.push(new Part("Temporal", temporal));
            log.info("Started {} on {}", temporal.description(), temporal.address());
        } else {
            log.info("Using the Temporal at {} (TEMPORAL_ADDRESS)", settings.temporalAddress());
        }
        mail = LocalMail.start(settings.host(), settings.smtpPort(), settings.imapPort(), settings.mailPagePort());
        running.push(new Part("mail server", mail));
        if (settings.usesEmulator()) {
            stripe = StripeEmulator.start(emulatorOptions(settings));
            running.push(new Part("Stripe emulator", stripe));
        } else {
            log.info("Using the Stripe at {} (STRIPE_API_BASE)", settings.stripeApiBase());
        }
    }

    /** The stack's Stripe emulator: its webhooks go to the api, its state is kept in the data directory. */
    public static StripeEmulatorOptions emulatorOptions(LocalStackSettings settings) {
        return StripeEmulatorOptions.defaults()
                .withHost(settings.host())
                .withPort(settings.stripePort())
                .withWebhookUrl(
                        settings.emulatorWebhooks()
                                ? "http://" + settings.host() + ":" + settings.apiPort() + "/api/webhooks/stripe"
                                : null)
                .withWebhookSecret(settings.webhookSecret())
                .withApiVersion(Stripe.API_VERSION)
                .withDataDirectory(settings.dataDirectory().resolve("stripe"))
                .withDeliveryMaxAttempts(WEBHOOK_DELIVERY_ATTEMPTS)
                .withDeliveryBackoff(WEBHOOK_FIRST_RETRY)
                .withLogTagger(new OrderLogTagger());
    }

    /**
     * config.yml's variables for the api or the worker on this stack's services, listening on the given ports (0 for
     * any free one).
     */
    public Map<String, String> variables(int httpPort, int adminPort) {
        Map<String, String> variables = new HashMap<>();
        variables.put("HTTP_PORT", String.valueOf(httpPort));
        variables.put("ADMIN_PORT", String.valueOf(adminPort));
        variables.put("BIND_HOST", settings.host());
        variables.put("ADMIN_BIND_HOST", settings.host());
        variables.put("DATABASE_URL", settings.jdbcUrl());
        variables.put("DATABASE_USER", settings.databaseUser());
        variables.put("DATABASE_PASSWORD", settings.databasePassword());
        variables.put("TEMPORAL_ADDRESS", settings.temporalAddress());
        variables.put("STRIPE_SECRET_KEY", settings.stripeSecretKey());
        variables.put("STRIPE_WEBHOOK_SECRET", settings.webhookSecret());
        variables.put("STRIPE_API_BASE", settings.stripeApiBase());
        variables.put("SITE_URL", settings.siteUrl());
        variables.put("MAIL_SMTP_HOST", settings.host());
        variables.put("MAIL_SMTP_PORT", String.valueOf(settings.smtpPort()));
        variables.put("MAIL_SMTP_TLS", "none");
        // Quiet by default: the engine's own lines (com.orderengine stays INFO in config.yml) and warnings.
        variables.put("LOG_LEVEL", System.getenv().getOrDefault("LOG_LEVEL", "WARN"));
        variables.putAll(configVariables);
        return variables;
    }

    /** How the stack's applications read config.yml: {@link #variables} first, then the environment. */
    public static ConfigurationSourceProvider configurationSource(Map<String, String> variables) {
        return EngineProcess.configurationSource(variables);
    }

    /** Stops in reverse order: api and worker first, the services they use last. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (running.isEmpty()) {
            return;
        }
        System.out.println("Stopping the local stack: the api and the worker first, the services they use last.");
        while (!running.isEmpty()) {
            Part next = running.pop();
            try {
                next.part().close();
                System.out.println("  stopped " + next.name());
            } catch (Exception e) {
                log.warn("Error while stopping {}: {}", next.name(), e.toString());
            }
        }
        System.out.println("Stopped. The data is kept in " + settings.dataDirectory() + " for the next start.");
    }

    private String banner(double seconds) {
        return String.format(
                """

                ================================================================
                 Order engine local stack is up (%.1f s)

                 Storefront     %s/
                 API            %s/api/products
                 Health         http://localhost:%d/healthcheck
                 Stripe         %s
                 Mail           %s  (IMAP %s: user name the recipient, any password)
                 Temporal       %s (namespace default, task queue orders)
                 %s
                 PostgreSQL     %s (user %s, data in %s)

                 Stop with Ctrl-C; the data stays in %s.
                ================================================================
                """,
                seconds,
                storefrontUrl(),
                storefrontUrl(),
                settings.adminPort(),
                settings.usesEmulator()
                        ? stripe.baseUrl() + "  (emulator; operator page " + stripe.baseUrl() + "/_emulator/)"
                        : settings.stripeApiBase() + "  (real Stripe)",
                mail.pageUrl(),
                mail.imapAddress(),
                settings.temporalAddress(),
                temporalLine(),
                settings.jdbcUrl(),
                settings.databaseUser(),
                settings.dataDirectory(),
                settings.dataDirectory());
    }

    private String temporalLine() {
        if (temporal == null) {
            return "               (TEMPORAL_ADDRESS: an external cluster)";
        }
        if (temporal.isDevServer()) {
            return "Temporal UI    " + temporal.uiUrl() + "/namespaces/default/workflows";
        }
        return "               " + temporal.description();
    }
}
