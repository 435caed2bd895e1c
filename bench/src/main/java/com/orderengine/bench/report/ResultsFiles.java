package com.orderengine.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.orderengine.bench.results.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A run's folder, {@code <results>/<yyyyMMdd-HHmmss>/}, and its copy in {@code <results>/latest/}. */
public final class ResultsFiles {

    public static final String REPORT = "report.md";
    public static final String JSON = "results.json";
    public static final String CHART = "latency.png";
    public static final String PAID_ORDERS = "paid-orders.txt";
    private static final List<String> COPIED = List.of(REPORT, JSON, CHART, PAID_ORDERS);

    private final Path root;
    private final Path run;

    private ResultsFiles(Path root, Path run) {
        this.root = root;
        this.run = run;
    }

    public static ResultsFiles create(Path root, ZonedDateTime startedAt) throws IOException {
        String name = startedAt.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path run = root.resolve(name);
        for (int suffix = 2; Files.exists(run); suffix++) {
            run = root.resolve(name + "-" + suffix);
        }
        Files.createDirectories(run);
        return new ResultsFiles(root, run);
    }

    public Path run() {
        return run;
    }

    public Path logs() {
        return run.resolve("logs");
    }

    /** Writes the report, the raw figures, the chart and the paid order ids, then refreshes latest/. */
    public Path write(RunResults results, Collection<String> paidOrderIds) throws IOException {
        Files.writeString(run.resolve(REPORT), ReportWriter.markdown(results));
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(run.resolve(JSON).toFile(), results);
        LatencyChart.write(results.steps(), run.resolve(CHART));
        Files.write(run.resolve(PAID_ORDERS), paidOrderIds);
        Path latest = root.resolve("latest");
        deleteRecursively(latest);
        Files.createDirectories(latest);
        for (String file : COPIED) {
            Files.copy(run.resolve(file), latest.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return run.resolve(REPORT);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
