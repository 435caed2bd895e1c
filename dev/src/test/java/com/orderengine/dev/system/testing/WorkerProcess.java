package com.orderengine.dev.system.testing;

import com.orderengine.worker.WorkerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The worker as a separate JVM, started from the test's own class path with the root config.yml and environment
 * variables, as an operator would run it; {@link #kill()} sends SIGKILL, so nothing in it gets to clean up.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int adminPort;
    private final Path log;

    private WorkerProcess(Process process, int adminPort, Path log) {
        this.process = process;
        this.adminPort = adminPort;
        this.log = log;
    }

    /** Starts the worker and returns once its health checks pass. */
    public static WorkerProcess start(String name, Map<String, String> environment) {
        int adminPort = OrderEngineStack.freePort();
        Path log = Path.of("target", "worker-" + name + "-" + System.currentTimeMillis() + ".log");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        classPath,
                        WorkerApplication.class.getName(),
                        "server",
                        OrderEngineStack.CONFIG))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("HTTP_PORT", String.valueOf(OrderEngineStack.freePort()));
        builder.environment().put("ADMIN_PORT", String.valueOf(adminPort));
        builder.environment().put("TEMPORAL_IDENTITY", name);
        try {
            WorkerProcess worker = new WorkerProcess(builder.start(), adminPort, log);
            worker.awaitHealthy();
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the JVM dies at once, in the middle of whatever it was doing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public int exitCode() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/healthcheck"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("worker exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("worker not healthy after " + READY_TIMEOUT + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
