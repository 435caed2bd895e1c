package com.orderengine.bench.stack;

import java.net.URI;

/**
 * The system under test and what sits beside it: where the engine's api answers, where its JVM's heap can be read,
 * its process (for CPU; null when unknown), the shop database (and its PostgreSQL server's process), and the
 * Stripe the engine talks to, and the Temporal process the benchmark started (null with --target: unknown).
 * {@code payAtEmulator} is true only when that Stripe sends no webhooks of its own, so the benchmark's signed
 * events are the only ones the engine receives.
 */
public record Target(
        URI api,
        URI admin,
        Long serverPid,
        String serverCommand,
        String jdbcUrl,
        Long databasePid,
        String dbUser,
        String dbPassword,
        String stripeApiBase,
        String stripeSecretKey,
        String webhookSecret,
        Long emulatorPid,
        TemporalInfo temporal,
        boolean payAtEmulator) {

    public URI api(String path) {
        return URI.create(api + path);
    }

    public Long temporalPid() {
        return temporal == null ? null : temporal.pid();
    }

    public Long temporalDatabasePid() {
        return temporal == null ? null : temporal.databasePid();
    }
}
