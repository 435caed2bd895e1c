package com.orderengine.stripeemulator;

import com.orderengine.stripeemulator.logging.LogTagger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

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
 * @param logTagger            tags the log lines about an object with the caller's context (see {@link LogTagger});
 *                             {@link LogTagger#NONE} by default
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
        Duration expirySweepInterval,
        LogTagger logTagger) {

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
        Objects.requireNonNull(logTagger, "logTagger");
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

    /** Where to listen and which clock to keep; everything else at its default. */
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
                DEFAULT_EXPIRY_SWEEP_INTERVAL,
                LogTagger.NONE);
    }

    public static StripeEmulatorOptions defaults() {
        return new StripeEmulatorOptions(DEFAULT_HOST, 0, null, Clock.systemUTC());
    }

    public StripeEmulatorOptions withHost(String newHost) {
        return with(options -> options.host = newHost);
    }

    public StripeEmulatorOptions withPort(int newPort) {
        return with(options -> options.port = newPort);
    }

    public StripeEmulatorOptions withPublicBaseUrl(String newPublicBaseUrl) {
        return with(options -> options.publicBaseUrl = newPublicBaseUrl);
    }

    public StripeEmulatorOptions withClock(Clock newClock) {
        return with(options -> options.clock = newClock);
    }

    public StripeEmulatorOptions withWebhookUrl(String newWebhookUrl) {
        return with(options -> options.webhookUrl = newWebhookUrl);
    }

    public StripeEmulatorOptions withWebhookSecret(String newWebhookSecret) {
        return with(options -> options.webhookSecret = newWebhookSecret);
    }

    public StripeEmulatorOptions withApiVersion(String newApiVersion) {
        return with(options -> options.apiVersion = newApiVersion);
    }

    public StripeEmulatorOptions withDataDirectory(Path newDataDirectory) {
        return with(options -> options.dataDirectory = newDataDirectory);
    }

    public StripeEmulatorOptions withDeliveryMaxAttempts(int newDeliveryMaxAttempts) {
        return with(options -> options.deliveryMaxAttempts = newDeliveryMaxAttempts);
    }

    public StripeEmulatorOptions withDeliveryBackoff(Duration newDeliveryBackoff) {
        return with(options -> options.deliveryBackoff = newDeliveryBackoff);
    }

    public StripeEmulatorOptions withExpirySweepInterval(Duration newExpirySweepInterval) {
        return with(options -> options.expirySweepInterval = newExpirySweepInterval);
    }

    public StripeEmulatorOptions withLogTagger(LogTagger newLogTagger) {
        return with(options -> options.logTagger = newLogTagger);
    }

    /** A copy with one setting changed; the copy is validated like any other. */
    private StripeEmulatorOptions with(Consumer<Settings> change) {
        Settings settings = new Settings(this);
        change.accept(settings);
        return settings.options();
    }

    /** The components as fields, so that each {@code with…} changes one. */
    private static final class Settings {
        String host;
        int port;
        String publicBaseUrl;
        Clock clock;
        String webhookUrl;
        String webhookSecret;
        String apiVersion;
        Path dataDirectory;
        int deliveryMaxAttempts;
        Duration deliveryBackoff;
        Duration expirySweepInterval;
        LogTagger logTagger;

        Settings(StripeEmulatorOptions options) {
            host = options.host;
            port = options.port;
            publicBaseUrl = options.publicBaseUrl;
            clock = options.clock;
            webhookUrl = options.webhookUrl;
            webhookSecret = options.webhookSecret;
            apiVersion = options.apiVersion;
            dataDirectory = options.dataDirectory;
            deliveryMaxAttempts = options.deliveryMaxAttempts;
            deliveryBackoff = options.deliveryBackoff;
            expirySweepInterval = options.expirySweepInterval;
            logTagger = options.logTagger;
        }

        StripeEmulatorOptions options() {
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
                    expirySweepInterval,
                    logTagger);
        }
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
