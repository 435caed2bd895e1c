package com.orderengine.bench.stack;

/**
 * The Temporal process a run measured, for the report: what it is, its pid, how it was started, and its own
 * PostgreSQL (postmaster pid and address) when it has one, else null.
 */
public record TemporalInfo(String role, Long pid, String command, Long databasePid, String database) {}
