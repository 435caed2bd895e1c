package com.orderengine.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A short command run to completion (Temporal's schema tool, a Temporal CLI call): its output is kept for the caller
 * and appended to a log, after the command line, so the run's logs show every set-up step.
 */
public final class ExternalCommand {

    /** What the command printed (stdout and stderr together) and its exit code; -1 when it timed out. */
    public record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private ExternalCommand() {}

    public static Result run(List<String> command, Path log, Duration timeout) {
        Path output = null;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            // To a file, not a pipe: a command that hangs must not keep the wait below from timing out.
            output = Files.createTempFile("order-bench-command", ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            withoutToolVariables(builder);
            Process process = builder.start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.writeString(
                    log,
                    "$ " + String.join(" ", command) + "\n" + text + (text.endsWith("\n") ? "" : "\n")
                            + (exited ? "" : "(killed after " + timeout.toSeconds() + " s)\n"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return new Result(exited ? process.exitValue() : -1, text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /**
     * Temporal's CLI takes TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and more from the environment, its server
     * TEMPORAL_ROOT and TEMPORAL_ENVIRONMENT, its schema tool SQL_HOST and the like: a developer's shell must not
     * redirect what the benchmark starts or sets up, so only the flags it passes count.
     */
    public static void withoutToolVariables(ProcessBuilder builder) {
        builder.environment().keySet().removeIf(name -> name.startsWith("TEMPORAL_") || name.startsWith("SQL_"));
    }
}
