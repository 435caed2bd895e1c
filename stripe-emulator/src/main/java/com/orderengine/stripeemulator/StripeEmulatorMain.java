package com.orderengine.stripeemulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Runs the emulator as a process ({@code java -jar stripe-emulator.jar}), configured from the environment:
 * <ul>
 *   <li>{@code STRIPE_EMULATOR_HOST}: interface to listen on, default {@code 127.0.0.1}</li>
 *   <li>{@code STRIPE_EMULATOR_PORT}: default 12111, the port stripe-mock uses</li>
 *   <li>{@code STRIPE_WEBHOOK_URL}: where to POST events; unset means none are sent</li>
 *   <li>{@code STRIPE_WEBHOOK_SECRET}: signing secret, default
 *       {@value StripeEmulatorOptions#DEFAULT_WEBHOOK_SECRET}</li>
 *   <li>{@code STRIPE_EMULATOR_DATA_DIR}: where state is kept across restarts; unset means memory only</li>
 * </ul>
 */
public final class StripeEmulatorMain {

    static final int DEFAULT_PORT = 12111;
    private static final Logger LOG = LoggerFactory.getLogger(StripeEmulatorMain.class);

    private StripeEmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        StripeEmulator emulator = StripeEmulator.start(optionsFromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "stripe-emulator-shutdown"));
        announce("Stripe emulator listening on " + emulator.baseUrl() + " (operator page " + emulator.operatorPageUrl()
                + ")");
        String webhookUrl = env("STRIPE_WEBHOOK_URL", null);
        announce(
                webhookUrl == null
                        ? "No STRIPE_WEBHOOK_URL: events are recorded, not sent"
                        : "Sending signed events to " + webhookUrl);
        // Request threads are daemons; this keeps the process alive until it is told to stop.
        stopped.await();
    }

    static StripeEmulatorOptions optionsFromEnvironment() {
        String dataDir = env("STRIPE_EMULATOR_DATA_DIR", null);
        return StripeEmulatorOptions.defaults()
                .withHost(env("STRIPE_EMULATOR_HOST", StripeEmulatorOptions.DEFAULT_HOST))
                .withPort(Integer.parseInt(env("STRIPE_EMULATOR_PORT", Integer.toString(DEFAULT_PORT))))
                .withWebhookUrl(env("STRIPE_WEBHOOK_URL", null))
                .withWebhookSecret(env("STRIPE_WEBHOOK_SECRET", StripeEmulatorOptions.DEFAULT_WEBHOOK_SECRET))
                .withDataDirectory(dataDir == null ? null : Path.of(dataDir));
    }

    private static void announce(String message) {
        LOG.info(message);
        // Without an SLF4J binding on the class path the log line would vanish; an operator needs the URL.
        if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
            System.out.println(message);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
