package com.orderengine.infrastructure.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.orderengine.order.stripe.StripeConfigurationHealthCheck;
import com.stripe.StripeClient;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;

/**
 * Stripe credentials and endpoint. {@code apiBase} points stripe-java at Stripe itself or at the emulator.
 * Secrets have no defaults; each process checks the ones it needs at start-up.
 */
public class StripeFactory {

    private String secretKey;

    private String webhookSecret;

    @NotEmpty
    private String apiBase = "https://api.stripe.com";

    private Duration connectTimeout = Duration.seconds(5);

    private Duration readTimeout = Duration.seconds(20);

    @JsonProperty
    public String getSecretKey() {
        return secretKey;
    }

    @JsonProperty
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    @JsonProperty
    public String getWebhookSecret() {
        return webhookSecret;
    }

    @JsonProperty
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    @JsonProperty
    public String getApiBase() {
        return apiBase;
    }

    @JsonProperty
    public void setApiBase(String apiBase) {
        this.apiBase = apiBase;
    }

    @JsonProperty
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    @JsonProperty
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @JsonProperty
    public Duration getReadTimeout() {
        return readTimeout;
    }

    @JsonProperty
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** The secret key the worker calls Stripe with; start-up fails with the variable's name when it is missing. */
    public String requireSecretKey() {
        return RequiredSecret.require(secretKey, "stripe.secretKey", "STRIPE_SECRET_KEY", "sk_");
    }

    /** The signing secret the api verifies webhooks with. */
    public String requireWebhookSecret() {
        return RequiredSecret.require(webhookSecret, "stripe.webhookSecret", "STRIPE_WEBHOOK_SECRET", "whsec_");
    }

    /**
     * Registers the {@code stripe} health check for the secrets this process uses (the worker its secret key,
     * the api its webhook signing secret).
     */
    public void registerHealthCheck(Environment environment, boolean usesSecretKey, boolean usesWebhookSecret) {
        environment
                .healthChecks()
                .register(
                        "stripe",
                        new StripeConfigurationHealthCheck(
                                apiBase,
                                usesSecretKey ? requireSecretKey() : null,
                                usesWebhookSecret ? requireWebhookSecret() : null));
    }

    /**
     * stripe-java's own network retries stay off (its default): Temporal retries activities, with the same
     * idempotency key, so a retry policy lives in one place.
     */
    public StripeClient build() {
        return StripeClient.builder()
                .setApiKey(requireSecretKey())
                .setApiBase(apiBase)
                .setConnectTimeout(Math.toIntExact(connectTimeout.toMilliseconds()))
                .setReadTimeout(Math.toIntExact(readTimeout.toMilliseconds()))
                .setMaxNetworkRetries(0)
                .build();
    }
}
