package com.orderengine.bench.resources;

import java.net.URI;

/**
 * The processes watched during a step: the server under test (its CPU and heap), the database and the Stripe
 * emulator both systems share, Temporal's test server when it runs in a JVM of its own (its CPU and heap), and
 * this load generator. Any of them may be unknown (null): with --target, for the baseline's steps (Temporal), or
 * with --temporal-in-stack (Temporal is then part of the server).
 */
public record Monitored(Long serverPid, URI serverAdmin, Long databasePid, Long emulatorPid, Long temporalPid) {
}
