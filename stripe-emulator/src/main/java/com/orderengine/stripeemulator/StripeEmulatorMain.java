package com.orderengine.stripeemulator;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Runs the emulator as a process: {@code STRIPE_EMULATOR_HOST} (default {@code 127.0.0.1}) and
 * {@code STRIPE_EMULATOR_PORT} (default 12111, the port stripe-mock uses) choose where it listens.
 */
public final class StripeEmulatorMain {

    static final int DEFAULT_PORT = 12111;
    private static final Logger LOG = LoggerFactory.getLogger(StripeEmulatorMain.class);

    private StripeEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = envOr("STRIPE_EMULATOR_HOST", StripeEmulatorOptions.DEFAULT_HOST);
        int port = Integer.parseInt(envOr("STRIPE_EMULATOR_PORT", Integer.toString(DEFAULT_PORT)));
        StripeEmulator emulator = StripeEmulator.start(StripeEmulatorOptions.defaults().withHost(host).withPort(port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "stripe-emulator-shutdown"));
        announce("Stripe emulator listening on " + emulator.baseUrl());
        // Request threads are daemons; this keeps the process alive until it is told to stop.
        stopped.await();
    }

    private static void announce(String message) {
        LOG.info(message);
        // Without an SLF4J binding on the class path the log line would vanish; an operator needs the URL.
        if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
            System.out.println(message);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
