package com.orderengine.bench.temporal;

import java.nio.file.Path;

/** How a started process was run, for the report, with the repository's path left out. */
final class CommandLines {

    private CommandLines() {}

    /** As the kernel has it ({@code /proc/<pid>/cmdline}), else {@code fallback}. */
    static String of(long pid, Path root, String fallback) {
        String line = ProcessHandle.of(pid)
                .flatMap(process -> process.info().commandLine())
                .orElse(fallback);
        return line.replace(root.toAbsolutePath() + "/", "");
    }
}
