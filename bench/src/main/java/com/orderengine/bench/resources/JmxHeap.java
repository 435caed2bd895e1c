package com.orderengine.bench.resources;

import java.util.OptionalLong;

/**
 * The server JVM's {@code MemoryMXBean} (what Dropwizard's {@code jvm.memory.heap.used} gauge reports), read
 * through {@link JvmAttachment}. When attaching fails, the fallback (the admin port's gauge) is read instead.
 */
final class JmxHeap implements HeapSource {

    private final JvmAttachment jvm;
    private final HeapSource fallback;

    JmxHeap(long pid, HeapSource fallback) {
        this.jvm = new JvmAttachment(pid);
        this.fallback = fallback;
    }

    @Override
    public OptionalLong usedBytes() {
        OptionalLong used = jvm.usedHeapBytes();
        if (used.isPresent() || fallback == null) {
            return used;
        }
        return fallback.usedBytes();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
