package com.orderengine.bench.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A process's resident memory (RSS), from {@code /proc/<pid>/status} (Linux). Unlike a JVM's used heap it can be
 * read for any process, so a Go binary (Temporal's server) and a JVM (its test server) are measured alike.
 */
public final class ProcessMemory {

    private ProcessMemory() {}

    /** Resident bytes, or empty when the process is gone or /proc is not there. */
    public static OptionalLong residentBytes(long pid) {
        try {
            return parseResident(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code VmRSS:  126396 kB} line; a zombie has none. */
    static OptionalLong parseResident(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
            }
        }
        return OptionalLong.empty();
    }
}
