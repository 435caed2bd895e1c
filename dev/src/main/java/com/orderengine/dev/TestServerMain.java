package com.orderengine.dev;

import io.temporal.testserver.TestServer;
import java.util.concurrent.CountDownLatch;

/**
 * Temporal's Java test server in a process of its own, in real time, for a stack started with
 * {@code TEMPORAL_ADDRESS}: the benchmark's {@code --temporal=test-server} runs it so, to measure the engine's JVM
 * apart from the in-memory Temporal, which keeps every workflow it has run. The port is the first argument, else
 * {@code TEMPORAL_PORT}, else 7233.
 */
public final class TestServerMain {

    private TestServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : System.getenv().getOrDefault("TEMPORAL_PORT", "7233"));
        PortCheck.requireFree("Temporal", port, "TEMPORAL_PORT");
        // true locks time skipping: real time, as the order's timers need.
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "test-server-shutdown"));
        System.out.println("Temporal test server listening on 127.0.0.1:" + port);
        stopped.await();
    }
}
