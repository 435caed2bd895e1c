package com.orderengine.bench.resources;

import java.net.URI;
import java.util.OptionalLong;

/** Where a server's used heap is read from. */
public interface HeapSource extends AutoCloseable {

    OptionalLong usedBytes();

    @Override
    default void close() {}

    /**
     * JMX through the Attach API when the server's pid is known: the same reading for the engine and the baseline,
     * and the local stack's admin /metrics has no JVM gauges. Else the admin port's gauge; else nothing.
     */
    static HeapSource forServer(Long pid, URI admin) {
        if (pid != null) {
            return new JmxHeap(pid, admin == null ? null : new AdminMetricsHeap(admin));
        }
        return admin == null ? OptionalLong::empty : new AdminMetricsHeap(admin);
    }
}
