package com.orderengine.bench.resources;

/**
 * What the processes used during a step. CPU is in percent of one core (200 % is both cores of a 2-core machine);
 * null where the process was unknown. The mean is CPU time over wall time; the peak is the busiest 500 ms. Heap is
 * the largest sample of the server's used heap; Temporal's memory is the largest sample of its process's resident
 * memory (a Go server has no JMX heap, and RSS reads the same for the Java test server).
 */
public record ResourceUsage(
        Double serverCpuPercent,
        Double serverPeakCpuPercent,
        Double serverMaxHeapMb,
        Double databaseCpuPercent,
        Double emulatorCpuPercent,
        Double temporalCpuPercent,
        Double temporalMaxRssMb,
        Double temporalDatabaseCpuPercent,
        Double benchCpuPercent,
        int samples) {

    public static final ResourceUsage NONE = new ResourceUsage(null, null, null, null, null, null, null, null, null, 0);
}
