package com.orderengine.stripeemulator;

import java.time.Clock;
import java.util.Objects;

/**
 * How to start a {@link StripeEmulator}.
 *
 * @param host          interface to bind, {@code 127.0.0.1} by default
 * @param port          port to bind; 0 (the default) picks a free one
 * @param publicBaseUrl base of the hosted-page URLs put in sessions' {@code url}, for when the emulator is
 *                      reached through another address (a container, a proxy); null means {@link StripeEmulator#baseUrl()}
 * @param clock         time source for {@code created}, {@code expires_at} validation and expiry
 */
public record StripeEmulatorOptions(String host, int port, String publicBaseUrl, Clock clock) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public StripeEmulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (publicBaseUrl != null) {
            publicBaseUrl = publicBaseUrl.endsWith("/")
                    ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
            if (publicBaseUrl.isBlank()) {
                publicBaseUrl = null;
            }
        }
    }

    public static StripeEmulatorOptions defaults() {
        return new StripeEmulatorOptions(DEFAULT_HOST, 0, null, Clock.systemUTC());
    }

    public StripeEmulatorOptions withHost(String newHost) {
        return new StripeEmulatorOptions(newHost, port, publicBaseUrl, clock);
    }

    public StripeEmulatorOptions withPort(int newPort) {
        return new StripeEmulatorOptions(host, newPort, publicBaseUrl, clock);
    }

    public StripeEmulatorOptions withPublicBaseUrl(String newPublicBaseUrl) {
        return new StripeEmulatorOptions(host, port, newPublicBaseUrl, clock);
    }

    public StripeEmulatorOptions withClock(Clock newClock) {
        return new StripeEmulatorOptions(host, port, publicBaseUrl, newClock);
    }
}
