package com.orderengine.bench.resources;

import java.net.URI;

/**
 * The processes watched during a step: the server under test (its CPU and heap), the database and the Stripe
 * emulator both systems share, and this load generator. Any of them may be unknown (null) with --target.
 */
public record Monitored(Long serverPid, URI serverAdmin, Long databasePid, Long emulatorPid) {
}
