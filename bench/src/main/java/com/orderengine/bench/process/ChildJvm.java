package com.orderengine.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM this benchmark started, with its output in a log file. Stopping it asks first (SIGTERM, so the local
 * stack's shutdown hook stops PostgreSQL), and kills it and whatever it started only when it does not go.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> jvmOptions;
    private final String mainClass;
    private final Path log;

    private ChildJvm(String name, Process process, List<String> jvmOptions, String mainClass, Path log) {
        this.name = name;
        this.process = process;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.mainClass = mainClass;
        this.log = log;
    }

    public static ChildJvm start(
            String name,
            List<String> jvmOptions,
            String mainClass,
            Map<String, String> environment,
            Path workingDirectory,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(ClassPath.current());
        command.add(mainClass);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new ChildJvm(name, builder.start(), jvmOptions, mainClass, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name + " JVM", e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** How it was started, for the report: the class path is left out, it is this benchmark's own. */
    public String commandLine() {
        return "java " + String.join(" ", jvmOptions) + " -cp <benchmark class path> " + mainClass;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    public Path log() {
        return log;
    }

    /** The last lines of its log, for an error message. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    /**
     * SIGTERM, then SIGKILL if it has not exited within {@code grace}; true when it exited by itself. Whatever it
     * started and left running is killed too (it is ours).
     */
    public boolean stop(Duration grace) {
        List<ProcessHandle> started = process.descendants().toList();
        boolean exited = !process.isAlive();
        if (!exited) {
            process.destroy();
            try {
                exited = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
                if (!exited) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        for (ProcessHandle child : started) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        return exited;
    }
}
