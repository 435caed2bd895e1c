package com.orderengine.bench.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which Temporal the engine runs on. Each runs as a process of its own, so that its CPU and memory are measured
 * apart from the engine's JVM: in production Temporal runs on machines of its own too.
 */
public enum TemporalMode {

    /** temporal-server on PostgreSQL, as production runs it. */
    POSTGRES("postgres"),
    /** The Temporal CLI's dev server on SQLite, as the local stack runs it. */
    DEV("dev"),
    /** Temporal's Java test server, in memory. */
    TEST_SERVER("test-server");

    private final String cliName;

    TemporalMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static TemporalMode parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.cliName.equals(wanted))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("--temporal must be one of " + names() + ", not '" + text + "'"));
    }

    private static String names() {
        return Arrays.stream(values()).map(TemporalMode::cliName).collect(Collectors.joining(", "));
    }
}
