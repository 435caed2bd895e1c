package com.orderengine.stripeemulator.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server: binds, hands every request to the one {@link Router}, and runs requests on a bounded pool. Binding and
 * serving are separate steps because URLs handed out by the API depend on the port actually bound.
 */
public final class EmulatorServer implements AutoCloseable {

    /** Enough for a test suite's parallel clients plus requests parked in injected delays. */
    private static final int THREADS = 16;

    private static final int QUEUED_REQUESTS = 256;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmulatorServer(HttpServer server) {
        this.server = server;
        this.executor = new ThreadPoolExecutor(
                THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED_REQUESTS), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
    }

    /** Binds the port; nothing is served until {@link #serve}. */
    public static EmulatorServer bind(String host, int port) {
        enableTcpNoDelay();
        try {
            return new EmulatorServer(HttpServer.create(new InetSocketAddress(host, port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Stripe emulator to " + host + ":" + port, e);
        }
    }

    /** Serves every request through {@code router}. */
    public void serve(Router router) {
        server.createContext("/", new ExchangeHandler(router));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops at once: requests still in flight (say, parked in an injected delay) are abandoned. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * The JDK server writes headers and body as separate segments; with Nagle's algorithm on, the body
     * waits for the client's delayed ACK and every response takes ~40 ms longer. The JDK reads this
     * property once, when its first server is created, and offers no per-server switch; an explicit
     * setting by the application wins.
     */
    private static void enableTcpNoDelay() {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "stripe-emulator-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
