package com.orderengine.bench.resources;

import java.net.URI;

/**
 * The processes watched during a step: the server under test (its CPU and heap), the database and the Stripe
 * emulator both systems share, the Temporal process (its CPU and resident memory) and, when it has one of its own,
 * Temporal's PostgreSQL, and this load generator. Any of them may be unknown (null): with --target, or for the
 * baseline's steps (Temporal).
 */
public record Monitored(
        Long serverPid,
        URI serverAdmin,
        Long databasePid,
        Long emulatorPid,
        Long temporalPid,
        Long temporalDatabasePid) {}
