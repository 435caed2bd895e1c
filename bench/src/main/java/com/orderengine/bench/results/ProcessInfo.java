package com.orderengine.bench.results;

/** A process that took part, and how it was started (JVM flags included). */
public record ProcessInfo(String role, Long pid, String command) {}
