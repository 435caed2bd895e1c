package com.orderengine.stripeemulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link StripeEmulator}.
 *
 * @param host                 interface to bind, {@code 127.0.0.1} by default
 * @param port                 port to bind; 0 (the default) picks a free one
 * @param publicBaseUrl        base of the hosted-page URLs put in sessions' {@code url}, for when the emulator is
 *                             reached through another address (a container, a proxy); null means
 *                             {@link StripeEmulator#baseUrl()}
 * @param clock                time source for {@code created}, {@code expires_at} validation and expiry
 * @param webhookUrl           where events are POSTed; null (the default) means events are only recorded
 * @param webhookSecret        the endpoint's signing secret, {@code whsec_…}, used whole as the HMAC key
 * @param apiVersion           written into every event's {@code api_version}; pass stripe-java's
 *                             {@code Stripe.API_VERSION} so its event deserializer accepts them
 * @param dataDirectory        where state is kept across restarts; null (the default) keeps it in memory only
 * @param deliveryMaxAttempts  attempts per delivery (first try included) before giving up
 * @param deliveryBackoff      delay before the first retry; it doubles per retry, capped at five minutes
 * @param expirySweepInterval  how often open sessions past {@code expires_at} are expired in the background
 */
public record StripeEmulatorOptions(
        String host,
        int port,
        String publicBaseUrl,
        Clock clock,
        String webhookUrl,
        String webhookSecret,
        String apiVersion,
        Path dataDirectory,
        int deliveryMaxAttempts,
        Duration deliveryBackoff,
        Duration expirySweepInterval) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_WEBHOOK_SECRET = "whsec_local_emulator_secret";
    /** The version stripe-java 33.3 pins; callers should pass their own {@code Stripe.API_VERSION}. */
    public static final String DEFAULT_API_VERSION = "2026-07-29.dahlia";

    public static final int DEFAULT_DELIVERY_MAX_ATTEMPTS = 8;
    public static final Duration DEFAULT_DELIVERY_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_EXPIRY_SWEEP_INTERVAL = Duration.ofSeconds(5);

    public StripeEmulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(deliveryBackoff, "deliveryBackoff");
        Objects.requireNonNull(expirySweepInterval, "expirySweepInterval");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        publicBaseUrl = blankToNull(withoutTrailingSlash(blankToNull(publicBaseUrl)));
        webhookUrl = blankToNull(webhookUrl);
        if (webhookSecret.isBlank()) {
            throw new IllegalArgumentException("webhookSecret must not be blank");
        }
        if (apiVersion.isBlank()) {
            throw new IllegalArgumentException("apiVersion must not be blank");
        }
        if (deliveryMaxAttempts < 1) {
            throw new IllegalArgumentException("deliveryMaxAttempts must be at least 1: " + deliveryMaxAttempts);
        }
        requirePositive(deliveryBackoff, "deliveryBackoff");
        requirePositive(expirySweepInterval, "expirySweepInterval");
    }

    /** The options of the first release, kept for callers that built them directly. */
    public StripeEmulatorOptions(String host, int port, String publicBaseUrl, Clock clock) {
        this(
                host,
                port,
                publicBaseUrl,
                clock,
                null,
                DEFAULT_WEBHOOK_SECRET,
                DEFAULT_API_VERSION,
                null,
                DEFAULT_DELIVERY_MAX_ATTEMPTS,
                DEFAULT_DELIVERY_BACKOFF,
                DEFAULT_EXPIRY_SWEEP_INTERVAL);
    }

    public static StripeEmulatorOptions defaults() {
        return new StripeEmulatorOptions(DEFAULT_HOST, 0, null, Clock.systemUTC());
    }

    public StripeEmulatorOptions withHost(String newHost) {
        return new StripeEmulatorOptions(
                newHost,
                port,
                publicBaseUrl,
                clock,
                webhookUrl,
                webhookSecret,
                apiVersion,
                dataDirectory,
                deliveryMaxAttempts,
                deliveryBackoff,
                expirySweepInterval);
    }

    public StripeEmulatorOptions withPort(int newPort) {
        return new StripeEmulatorOptions(
                host,
                newPort,
                publicBaseUrl,
                clock,
                webhookUrl,
                webhookSecret,
                apiVersion,
                dataDirectory,
                deliveryMaxAttempts,
                deliveryBackoff,
                expirySweepInterval);
    }

    public StripeEmulatorOptions withPublicBaseUrl(String newPublicBaseUrl) {
        return new StripeEmulatorOptions(
                host,
                port,
                newPublicBaseUrl,
                clock,
                webhookUrl,
                webhookSecret,
                apiVersion,
                dataDirectory,
                deliveryMaxAttempts,
                deliveryBackoff,
                expirySweepInterval);
    }

    public StripeEmulatorOptions withClock(Clock newClock) {
        return new StripeEmulatorOptions(
                host,
                port,
                publicBaseUrl,
                newClock,
                webhookUrl,
                webhookSecret,
                apiVersion,
                dataDirectory,
                deliveryMaxAttempts,
                deliveryBackoff,
                expirySweepInterval);
    }

    public StripeEmulatorOptions withWebhookUrl(String newWebhookUrl) {
        return new StripeEmulatorOptions(
                host,
                port,
                publicBaseUrl,
                clock,
                newWebhookUrl,
                webhookSecret,
                apiVersion,
                dataDirectory,
                deliveryMaxAttempts,
                deliveryBackoff,
                expirySweepInterval);
    }

    public StripeEmulatorOptions withWebhookSecret(String newWebhookSecret) {
        return new StripeEmulatorOptions(
                host,
                port,
                publicBaseUrl,
                clock,
                webhookUrl,
                newWebhookSecret,
                apiVersion,
                dataDirectory,
                deliveryMaxAttempts,
                deliveryBackoff,
                expirySweepInterval);
    }

    public StripeEmulatorOptions withApiVersion(String newApiVersion) {
        return new StripeEmulatorOptions(
                host,
                port,
                publicBaseUrl,
                clock,
                webhookUrl,
                webhookSecret,
                newApiVersion,
                dataDirectory,
                deliveryMaxAttempts,
                deliveryBackoff,
                expirySweepInterval);
    }

    public StripeEmulatorOptions withDataDirectory(Path newDataDirectory) {
        return new StripeEmulatorOptions(
                host,
                port,
                publicBaseUrl,
                clock,
                webhookUrl,
                webhookSecret,
                apiVersion,
                newDataDirectory,
                deliveryMaxAttempts,
                deliveryBackoff,
                expirySweepInterval);
    }

    public StripeEmulatorOptions withDeliveryMaxAttempts(int newDeliveryMaxAttempts) {
        return new StripeEmulatorOptions(
                host,
                port,
                publicBaseUrl,
                clock,
                webhookUrl,
                webhookSecret,
                apiVersion,
                dataDirectory,
                newDeliveryMaxAttempts,
                deliveryBackoff,
                expirySweepInterval);
    }

    public StripeEmulatorOptions withDeliveryBackoff(Duration newDeliveryBackoff) {
        return new StripeEmulatorOptions(
                host,
                port,
                publicBaseUrl,
                clock,
                webhookUrl,
                webhookSecret,
                apiVersion,
                dataDirectory,
                deliveryMaxAttempts,
                newDeliveryBackoff,
                expirySweepInterval);
    }

    public StripeEmulatorOptions withExpirySweepInterval(Duration newExpirySweepInterval) {
        return new StripeEmulatorOptions(
                host,
                port,
                publicBaseUrl,
                clock,
                webhookUrl,
                webhookSecret,
                apiVersion,
                dataDirectory,
                deliveryMaxAttempts,
                deliveryBackoff,
                newExpirySweepInterval);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String withoutTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
