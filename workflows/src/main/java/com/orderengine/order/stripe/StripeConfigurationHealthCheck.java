package com.orderengine.order.stripe;

import com.codahale.metrics.health.HealthCheck;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Whether this process's Stripe settings hang together, without calling Stripe: the api base is a usable URL
 * (https unless it is a local emulator), the secrets this process needs are of the right kind, and a live key is
 * never pointed anywhere but Stripe itself.
 */
public class StripeConfigurationHealthCheck extends HealthCheck {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final String STRIPE_HOST = "api.stripe.com";

    private final String apiBase;
    private final String secretKey;
    private final String webhookSecret;

    /** {@code secretKey} or {@code webhookSecret} is null when this process does not use it. */
    public StripeConfigurationHealthCheck(String apiBase, String secretKey, String webhookSecret) {
        this.apiBase = apiBase;
        this.secretKey = secretKey;
        this.webhookSecret = webhookSecret;
    }

    @Override
    protected Result check() {
        URI base;
        try {
            base = URI.create(apiBase);
        } catch (IllegalArgumentException e) {
            return Result.unhealthy("STRIPE_API_BASE is not a URL: " + apiBase);
        }
        String host = base.getHost() == null ? "" : base.getHost().toLowerCase(Locale.ROOT);
        boolean local = LOCAL_HOSTS.contains(host);
        if (!"https".equals(base.getScheme()) && !("http".equals(base.getScheme()) && local)) {
            return Result.unhealthy("STRIPE_API_BASE must be https (http only for a local emulator): " + apiBase);
        }
        StringBuilder healthy = new StringBuilder(local ? "Stripe emulator at " : "Stripe at ").append(apiBase);
        if (secretKey != null) {
            boolean live = secretKey.startsWith("sk_live_") || secretKey.startsWith("rk_live_");
            if (!secretKey.startsWith("sk_") && !secretKey.startsWith("rk_")) {
                return Result.unhealthy("STRIPE_SECRET_KEY is not a secret or restricted key (sk_…, rk_…)");
            }
            if (live && !STRIPE_HOST.equals(host)) {
                return Result.unhealthy(
                        "a live secret key is configured with STRIPE_API_BASE=" + apiBase + ", which is not Stripe");
            }
            healthy.append(live ? ", live mode" : ", test mode");
        }
        if (webhookSecret != null) {
            if (!webhookSecret.startsWith("whsec_")) {
                return Result.unhealthy("STRIPE_WEBHOOK_SECRET is not a webhook signing secret (whsec_…)");
            }
            healthy.append(", webhook signing secret set");
        }
        return Result.healthy(healthy.toString());
    }
}
