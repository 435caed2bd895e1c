package com.orderengine.bench.options;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command-line flags ({@code --duration 20s}) with environment fall-backs ({@code BENCH_DURATION=20s}); a flag
 * wins over the environment, and {@code --quick} only changes defaults, so {@code --quick --duration 5s} works.
 */
public final class OptionsParser {

    /** Flags that take no value. */
    private static final Set<String> SWITCHES = Set.of("quick", "growth", "pay-at-emulator", "help");

    private static final Set<String> VALUED = Set.of(
            "target",
            "target-admin",
            "target-pid",
            "jdbc-url",
            "db-pid",
            "db-user",
            "db-password",
            "stripe-api-base",
            "stripe-secret-key",
            "webhook-secret",
            "duration",
            "warmup",
            "jit-warmup",
            "concurrency",
            "payment-concurrency",
            "storm-events",
            "storm-parallelism",
            "poll-interval",
            "growth-orders",
            "growth-concurrency",
            "server-heap",
            "temporal",
            "results");

    private final Map<String, String> environment;

    public OptionsParser(Map<String, String> environment) {
        this.environment = environment;
    }

    public static String usage() {
        return """
                Usage: java -jar bench/target/order-bench.jar [options]   (every option also as BENCH_<NAME>=…)
                  --quick                     short smoke run: 1 s warm-up, 2 s steps, 1 and 4 clients, a storm of 50
                  --duration 20s              measured time per step and concurrency
                  --warmup 10s                warm-up before each measured step
                  --jit-warmup 120s           before a system's first step, load until its JIT settles, at most this
                  --concurrency 1,8,32,64     closed-loop clients for checkout (engine and baseline)
                  --payment-concurrency 1,8,32  clients for the webhook steps
                  --storm-events 1000 --storm-parallelism 50   the duplicate storm
                  --poll-interval 5ms         how often each order is read while waiting for paid
                  --growth                    also run the growth test (bulk-inserts orders into the database)
                  --growth-orders 1000000 --growth-concurrency 8
                  --server-heap 512m          -Xmx of the server JVMs (stack and baseline)
                  --temporal=dev              the Temporal the engine runs on, always in a process of its own:
                                              dev          the Temporal CLI's dev server on SQLite (as the local
                                                           stack runs it)
                                              postgres     temporal-server on its own PostgreSQL (as production)
                                              test-server  Temporal's Java test server, in memory, in its own JVM
                  --results bench/results     where <yyyyMMdd-HHmmss>/ and latest/ are written
                  --target http://host:8080   use a running stack instead of starting one; then also:
                      --target-admin http://host:8081  (heap)   --target-pid <pid>  (CPU)
                      --jdbc-url jdbc:postgresql://127.0.0.1:15432/shop --db-user postgres --db-password postgres
                      --db-pid <postmaster pid>  (database CPU)
                      --stripe-api-base http://127.0.0.1:12111 --stripe-secret-key sk_test_…
                      --webhook-secret whsec_…
                      --pay-at-emulator  (only if that emulator sends no webhooks of its own)
                """;
    }

    public boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    public BenchOptions parse(String[] args) {
        Map<String, String> flags = flags(args);
        boolean quick = flag(flags, "quick");
        boolean targeted = value(flags, "target") != null;
        return new BenchOptions(
                uri(value(flags, "target")),
                uri(value(flags, "target-admin")),
                value(flags, "target-pid") == null ? null : Long.parseLong(value(flags, "target-pid")),
                or(value(flags, "jdbc-url"), "jdbc:postgresql://127.0.0.1:15432/shop"),
                value(flags, "db-pid") == null ? null : Long.parseLong(value(flags, "db-pid")),
                or(value(flags, "db-user"), "postgres"),
                or(value(flags, "db-password"), "postgres"),
                or(value(flags, "stripe-api-base"), "http://127.0.0.1:12111"),
                or(value(flags, "stripe-secret-key"), "sk_test_local_emulator"),
                or(value(flags, "webhook-secret"), "whsec_local_emulator_secret"),
                // A started stack uses an emulator that sends nothing; a running local stack's emulator would.
                !targeted || flag(flags, "pay-at-emulator"),
                duration(flags, "duration", quick ? "2s" : "20s"),
                duration(flags, "warmup", quick ? "1s" : "10s"),
                duration(flags, "jit-warmup", quick ? "4s" : "120s"),
                integers(flags, "concurrency", quick ? "1,4" : "1,8,32,64"),
                integers(flags, "payment-concurrency", quick ? "1,4" : "1,8,32"),
                integer(flags, "storm-events", quick ? "50" : "1000"),
                integer(flags, "storm-parallelism", quick ? "10" : "50"),
                duration(flags, "poll-interval", "5ms"),
                flag(flags, "growth"),
                integer(flags, "growth-orders", quick ? "20000" : "1000000"),
                integer(flags, "growth-concurrency", quick ? "4" : "8"),
                or(value(flags, "server-heap"), "512m"),
                TemporalMode.parse(or(value(flags, "temporal"), TemporalMode.DEV.cliName())),
                Path.of(or(value(flags, "results"), "bench/results")),
                quick);
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + usage());
            }
            String name = arg.substring(2);
            String inline = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inline = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (SWITCHES.contains(name)) {
                flags.put(name, inline == null ? "true" : inline);
            } else if (VALUED.contains(name)) {
                if (inline == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    inline = args[++i];
                }
                flags.put(name, inline);
            } else {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
            }
        }
        return flags;
    }

    private String value(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null) {
            value = environment.get("BENCH_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private boolean flag(Map<String, String> flags, String name) {
        String value = value(flags, name);
        return value != null && !value.equalsIgnoreCase("false") && !value.equals("0");
    }

    private Duration duration(Map<String, String> flags, String name, String fallback) {
        return Durations.parse("--" + name, or(value(flags, name), fallback));
    }

    private int integer(Map<String, String> flags, String name, String fallback) {
        String text = or(value(flags, name), fallback);
        try {
            int number = Integer.parseInt(text.replace("_", ""));
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a positive whole number, not '" + text + "'");
        }
    }

    private List<Integer> integers(Map<String, String> flags, String name, String fallback) {
        String text = or(value(flags, name), fallback);
        try {
            List<Integer> numbers = Arrays.stream(text.split(","))
                    .map(String::trim)
                    .map(Integer::parseInt)
                    .toList();
            if (numbers.isEmpty() || numbers.stream().anyMatch(n -> n < 1)) {
                throw new NumberFormatException();
            }
            return numbers;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a list like 1,8,32, not '" + text + "'");
        }
    }

    private static URI uri(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        return URI.create(trimmed);
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
