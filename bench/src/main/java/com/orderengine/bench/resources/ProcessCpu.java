package com.orderengine.bench.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CPU time a process has used, from {@code /proc/<pid>/stat} (Linux): user plus system time in clock ticks.
 * With {@code withReapedChildren}, also the time of children it has waited for, which is where PostgreSQL's
 * finished backends' time ends up.
 */
public final class ProcessCpu {

    /** USER_HZ; 100 on every Linux this runs on (sysconf is out of Java's reach, getconf is asked once). */
    static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcessCpu() {}

    /** CPU seconds, or empty when the process is gone or /proc is not there. */
    public static OptionalLong ticks(long pid, boolean withReapedChildren) {
        try {
            return OptionalLong.of(
                    parse(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")), withReapedChildren));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * CPU time of a JVM's JIT compiler threads ({@code C1 CompilerThread…}, {@code C2 CompilerThread…}, as the
     * kernel shortens them), in milliseconds; empty when the process is gone. Unlike the {@code CompilationMXBean}'s
     * figure, which is the time compilations took from start to end, this does not grow while a compiler thread
     * waits for a CPU on a busy machine.
     */
    public static OptionalLong compilerMillis(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (var threads = Files.list(tasks)) {
            long ticks = 0;
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String name = Files.readString(thread.resolve("comm"));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        ticks += parse(Files.readString(thread.resolve("stat")), false);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
            return OptionalLong.of(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    public static double seconds(long ticks) {
        return ticks / (double) TICKS_PER_SECOND;
    }

    /**
     * Fields after the command name, which is in parentheses and may itself hold spaces and parentheses:
     * utime, stime, cutime, cstime are fields 14 to 17 of the line.
     */
    static long parse(String stat, boolean withReapedChildren) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }

    /**
     * The total of a process tree: PostgreSQL forks a backend per connection, and a backend that exits hands its
     * time to the postmaster's reaped-children count, so the total keeps growing smoothly.
     */
    public static OptionalLong treeTicks(ProcessHandle root) {
        OptionalLong own = ticks(root.pid(), true);
        if (own.isEmpty()) {
            return own;
        }
        long total = own.getAsLong();
        List<ProcessHandle> descendants = root.descendants().toList();
        for (ProcessHandle process : descendants) {
            total += ticks(process.pid(), true).orElse(0);
        }
        return OptionalLong.of(total);
    }

    /** The PostgreSQL server the local stack started: its child process named postgres. */
    public static Optional<ProcessHandle> postgresUnder(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(parent -> parent.children()
                        .filter(child -> child.info()
                                .command()
                                .map(command -> command.endsWith("postgres"))
                                .orElse(false))
                        .findFirst());
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
