package com.orderengine.dev;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Ports, secrets and the data directory of the local stack; every value can be set by an environment variable.
 * {@code externalTemporal} is the address of a Temporal to use instead of starting one, or null;
 * {@code externalDatabase} likewise a PostgreSQL database. The mail server (SMTP, IMAP and its page) always runs. {@code emulatorWebhooks} off leaves the emulator's
 * events unsent, for tests that deliver them themselves.
 */
public record LocalStackSettings(
        String host,
        int apiPort,
        int adminPort,
        int workerPort,
        int workerAdminPort,
        int temporalPort,
        int temporalUiPort,
        int stripePort,
        int postgresPort,
        int smtpPort,
        int imapPort,
        int mailPagePort,
        Path dataDirectory,
        String stripeSecretKey,
        String webhookSecret,
        String stripeApiBase,
        String siteUrl,
        String externalTemporal,
        ExternalDatabase externalDatabase,
        boolean emulatorWebhooks) {

    /** A PostgreSQL database the stack uses instead of starting its own. */
    public record ExternalDatabase(String jdbcUrl, String user, String password) {}

    public static LocalStackSettings fromEnvironment(Map<String, String> env) {
        Function<String, String> read = env::get;
        int apiPort = port(read, "HTTP_PORT", 8080);
        int stripePort = port(read, "STRIPE_EMULATOR_PORT", 12111);
        int temporalPort = port(read, "TEMPORAL_PORT", 7233);
        return new LocalStackSettings(
                "127.0.0.1",
                apiPort,
                port(read, "ADMIN_PORT", 8081),
                port(read, "WORKER_HTTP_PORT", 8082),
                port(read, "WORKER_ADMIN_PORT", 8083),
                temporalPort,
                // As the Temporal CLI defaults it: the frontend's port plus 1000.
                port(read, "TEMPORAL_UI_PORT", temporalPort + 1000 <= 65_535 ? temporalPort + 1000 : 8233),
                stripePort,
                port(read, "POSTGRES_PORT", 15432),
                port(read, "MAIL_SMTP_PORT", 3025),
                port(read, "MAIL_IMAP_PORT", 3143),
                port(read, "MAIL_PAGE_PORT", 8025),
                Path.of(env.getOrDefault("DATA_DIR", ".data")).toAbsolutePath(),
                env.getOrDefault("STRIPE_SECRET_KEY", "sk_test_local_emulator"),
                env.getOrDefault("STRIPE_WEBHOOK_SECRET", "whsec_local_emulator_secret"),
                env.getOrDefault("STRIPE_API_BASE", "http://127.0.0.1:" + stripePort),
                env.getOrDefault("SITE_URL", "http://localhost:" + apiPort),
                blankToNull(env.get("TEMPORAL_ADDRESS")),
                externalDatabase(env),
                !"false"
                        .equalsIgnoreCase(env.getOrDefault("STRIPE_EMULATOR_WEBHOOKS", "true")
                                .trim()));
    }

    private static ExternalDatabase externalDatabase(Map<String, String> env) {
        String url = blankToNull(env.get("DATABASE_URL"));
        return url == null
                ? null
                : new ExternalDatabase(
                        url,
                        env.getOrDefault("DATABASE_USER", LocalDatabase.USER),
                        env.getOrDefault("DATABASE_PASSWORD", ""));
    }

    /** The same stack on another database: a test's fresh one. */
    public LocalStackSettings withExternalDatabase(ExternalDatabase database) {
        return new LocalStackSettings(
                host,
                apiPort,
                adminPort,
                workerPort,
                workerAdminPort,
                temporalPort,
                temporalUiPort,
                stripePort,
                postgresPort,
                smtpPort,
                imapPort,
                mailPagePort,
                dataDirectory,
                stripeSecretKey,
                webhookSecret,
                stripeApiBase,
                siteUrl,
                externalTemporal,
                database,
                emulatorWebhooks);
    }

    /** Whether the stack starts its own PostgreSQL (no DATABASE_URL given). */
    public boolean startsDatabase() {
        return externalDatabase == null;
    }

    public String databaseUser() {
        return startsDatabase() ? LocalDatabase.USER : externalDatabase.user();
    }

    public String databasePassword() {
        return startsDatabase() ? LocalDatabase.USER : externalDatabase.password();
    }

    public String jdbcUrl() {
        if (!startsDatabase()) {
            return externalDatabase.jdbcUrl();
        }
        return "jdbc:postgresql://" + host + ":" + postgresPort + "/" + LocalDatabase.NAME;
    }

    public String temporalAddress() {
        return startsTemporal() ? host + ":" + temporalPort : externalTemporal;
    }

    /** Whether the stack starts its own Temporal (no TEMPORAL_ADDRESS given). */
    public boolean startsTemporal() {
        return externalTemporal == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public boolean usesEmulator() {
        return stripeApiBase.startsWith("http://127.0.0.1:" + stripePort)
                || stripeApiBase.startsWith("http://localhost:" + stripePort);
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }
}
