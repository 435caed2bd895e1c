package com.orderengine.bench.baseline;

import java.util.Map;

/** The baseline server's configuration, from its environment (the benchmark sets every variable). */
public record BaselineSettings(
        int port,
        int adminPort,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        int poolMax,
        String stripeApiBase,
        String stripeSecretKey,
        String siteUrl,
        String currency) {

    public static BaselineSettings fromEnvironment(Map<String, String> env) {
        return new BaselineSettings(
                Integer.parseInt(require(env, "BASELINE_PORT")),
                Integer.parseInt(require(env, "BASELINE_ADMIN_PORT")),
                require(env, "DATABASE_URL"),
                require(env, "DATABASE_USER"),
                env.getOrDefault("DATABASE_PASSWORD", ""),
                Integer.parseInt(env.getOrDefault("DATABASE_POOL_MAX", "16")),
                require(env, "STRIPE_API_BASE"),
                require(env, "STRIPE_SECRET_KEY"),
                env.getOrDefault("SITE_URL", "http://localhost:8080"),
                env.getOrDefault("CHECKOUT_CURRENCY", "usd"));
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the baseline needs " + name);
        }
        return value;
    }
}
