package com.orderengine.bench.resources;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Samples every 500 ms while a step runs: CPU from /proc deltas, the server's used heap (see {@link HeapSource}),
 * the Temporal process's resident memory (see {@link ProcessMemory}).
 * CPU is averaged over the whole step (total CPU time / wall time), so no single sample's jitter matters.
 */
public final class ResourceSampler implements AutoCloseable {

    static final long INTERVAL_MILLIS = 500;

    private final Monitored monitored;
    private final HeapSource heap;
    private final Thread thread;
    private final CpuCounter server;
    private final CpuCounter database;
    private final CpuCounter emulator;
    private final CpuCounter temporal;
    private final CpuCounter temporalDatabase;
    private final CpuCounter bench;
    private final long startedAt = System.nanoTime();
    private volatile boolean running = true;
    private volatile long maxHeapBytes = -1;
    private volatile long maxTemporalRssBytes = -1;
    private volatile int samples;
    private volatile double peakServerCpu = -1;
    private long lastServerTicks = -1;
    private long lastServerAt;

    private ResourceSampler(Monitored monitored) {
        this.monitored = monitored;
        this.heap = HeapSource.forServer(monitored.serverPid(), monitored.serverAdmin());
        this.server = new CpuCounter(() ->
                monitored.serverPid() == null ? OptionalLong.empty() : ProcessCpu.ticks(monitored.serverPid(), false));
        this.database = new CpuCounter(() -> monitored.databasePid() == null
                ? OptionalLong.empty()
                : ProcessHandle.of(monitored.databasePid())
                        .map(ProcessCpu::treeTicks)
                        .orElse(OptionalLong.empty()));
        this.emulator = new CpuCounter(() -> monitored.emulatorPid() == null
                ? OptionalLong.empty()
                : ProcessCpu.ticks(monitored.emulatorPid(), false));
        this.temporal = new CpuCounter(() -> monitored.temporalPid() == null
                ? OptionalLong.empty()
                : ProcessCpu.ticks(monitored.temporalPid(), false));
        this.temporalDatabase = new CpuCounter(() -> monitored.temporalDatabasePid() == null
                ? OptionalLong.empty()
                : ProcessHandle.of(monitored.temporalDatabasePid())
                        .map(ProcessCpu::treeTicks)
                        .orElse(OptionalLong.empty()));
        this.bench =
                new CpuCounter(() -> ProcessCpu.ticks(ProcessHandle.current().pid(), false));
        this.thread = new Thread(this::loop, "bench-resource-sampler");
        this.thread.setDaemon(true);
    }

    public static ResourceSampler start(Monitored monitored) {
        ResourceSampler sampler = new ResourceSampler(monitored);
        sampler.thread.start();
        return sampler;
    }

    private void loop() {
        while (running) {
            sampleMemory();
            sampleServerCpu();
            samples++;
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleMemory() {
        heap.usedBytes().ifPresent(used -> maxHeapBytes = Math.max(maxHeapBytes, used));
        if (monitored.temporalPid() != null) {
            ProcessMemory.residentBytes(monitored.temporalPid())
                    .ifPresent(rss -> maxTemporalRssBytes = Math.max(maxTemporalRssBytes, rss));
        }
    }

    private void sampleServerCpu() {
        if (monitored.serverPid() == null) {
            return;
        }
        OptionalLong ticks = ProcessCpu.ticks(monitored.serverPid(), false);
        long now = System.nanoTime();
        if (ticks.isPresent() && lastServerTicks >= 0 && now > lastServerAt) {
            double percent =
                    100.0 * ProcessCpu.seconds(ticks.getAsLong() - lastServerTicks) / ((now - lastServerAt) / 1e9);
            peakServerCpu = Math.max(peakServerCpu, percent);
        }
        if (ticks.isPresent()) {
            lastServerTicks = ticks.getAsLong();
            lastServerAt = now;
        }
    }

    /** Stops sampling and sums up. */
    public ResourceUsage finish() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleMemory();
        heap.close();
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        return new ResourceUsage(
                server.percent(seconds),
                peakServerCpu < 0 ? null : peakServerCpu,
                maxHeapBytes < 0 ? null : maxHeapBytes / 1048576.0,
                database.percent(seconds),
                emulator.percent(seconds),
                temporal.percent(seconds),
                maxTemporalRssBytes < 0 ? null : maxTemporalRssBytes / 1048576.0,
                temporalDatabase.percent(seconds),
                bench.percent(seconds),
                samples + 1);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        heap.close();
    }

    /** CPU ticks at the start, compared with the ticks at the end. */
    private static final class CpuCounter {
        private final Supplier<OptionalLong> read;
        private final OptionalLong atStart;

        CpuCounter(Supplier<OptionalLong> read) {
            this.read = read;
            this.atStart = read.get();
        }

        Double percent(double seconds) {
            OptionalLong atEnd = read.get();
            if (atStart.isEmpty() || atEnd.isEmpty() || seconds <= 0) {
                return null;
            }
            return 100.0 * ProcessCpu.seconds(atEnd.getAsLong() - atStart.getAsLong()) / seconds;
        }
    }
}
