package com.orderengine.bench.stack;

import com.orderengine.bench.process.ChildJvm;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits until a child JVM is ready, and gives up with its log when it dies or takes too long. */
public final class Readiness {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private interface Probe {
        boolean ready() throws IOException, InterruptedException;
    }

    private Readiness() {}

    /** Until {@code url} answers 200. */
    public static void http(ChildJvm process, URI url, Duration timeout) {
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
        await(
                process,
                url + " answered 200",
                timeout,
                () -> HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** Until something accepts connections on {@code port} of the loopback address. */
    public static void listening(ChildJvm process, int port, Duration timeout) {
        await(process, "port " + port + " accepted connections", timeout, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                return true;
            }
        });
    }

    private static void await(ChildJvm process, String what, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + process.name() + " JVM exited before " + what + "; its log ("
                        + process.log() + ") ends with:\n" + process.tail(40));
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what, e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what, e);
            }
        }
        throw new IllegalStateException("not " + what + " within " + timeout.toSeconds() + " s; the " + process.name()
                + " log (" + process.log() + ") ends with:\n" + process.tail(40));
    }
}
