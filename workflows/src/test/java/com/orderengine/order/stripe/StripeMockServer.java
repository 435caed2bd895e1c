package com.orderengine.order.stripe;

import com.orderengine.infrastructure.tools.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe's own stripe-mock in a child process: it checks every request against Stripe's OpenAPI spec (400 for
 * anything the spec does not allow) and answers with the spec's fixture objects. It keeps no state.
 */
final class StripeMockServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** What stripe-mock prints once its HTTP listener is bound; with port 0 it is the only place the port shows. */
    private static final Pattern LISTENING = Pattern.compile("Listening for HTTP at address: (127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final Path logFile;
    private String address;

    private StripeMockServer(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code binary} on a loopback port the system picks, and returns once it accepts connections. */
    static StripeMockServer start(Path binary, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.deleteIfExists(logFile);
            // Port 0 for both listeners: no race for a "free" port. HTTPS has to be named too, or stripe-mock also
            // binds its default :12112 on every interface, which a second run on this machine would collide with.
            ProcessBuilder builder = new ProcessBuilder(
                            binary.toString(), "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            // stripe-mock's -port falls back to $PORT; keep a caller's PORT from steering it.
            builder.environment().remove("PORT");
            StripeMockServer server = new StripeMockServer(builder.start(), logFile);
            try {
                server.awaitReady();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + binary, e);
        }
    }

    /** The base URL for stripe-java's {@code setApiBase}. */
    String baseUrl() {
        return "http://" + address;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("stripe-mock exited with " + process.exitValue()
                        + " before it was ready; its log, " + logFile + ", ends:\n" + logTail());
            }
            if (address == null) {
                address = boundAddress().orElse(null);
            }
            if (address != null && accepts(address)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stripe-mock was not ready after " + READY_TIMEOUT + "; its log, "
                        + logFile + ", ends:\n" + logTail());
            }
            ChildProcesses.pause(20, "stripe-mock");
        }
    }

    private Optional<String> boundAddress() {
        Matcher matcher = LISTENING.matcher(logText());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static boolean accepts(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1))),
                    500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String logText() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String logTail() {
        return ChildProcesses.logTail(logFile, 30);
    }

    /** SIGTERM, then SIGKILL if it has not stopped in time. Safe to call twice. */
    @Override
    public void close() {
        ChildProcesses.stop(process, STOP_TIMEOUT);
    }
}
