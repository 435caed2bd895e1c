package com.orderengine.bench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where the figures come from: they mean little without the machine. */
public record MachineInfo(
        int processors, String cpuModel, String memory, String java, String os, String date, String command) {

    public static MachineInfo current(ZonedDateTime startedAt, String command) {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                procField("/proc/cpuinfo", "model name").orElse("unknown"),
                procField("/proc/meminfo", "MemTotal")
                        .map(MachineInfo::gibibytes)
                        .orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                command);
    }

    private static Optional<String> procField(String file, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream()
                    .filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "24683624 kB" → "23.5 GiB". */
    static String gibibytes(String memTotal) {
        try {
            long kib = Long.parseLong(memTotal.replace("kB", "").trim());
            return String.format(Locale.ROOT, "%.1f GiB", kib / 1048576.0);
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }
}
