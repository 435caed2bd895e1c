package com.orderengine.bench.resources;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.OptionalLong;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The server JVM's {@code MemoryMXBean} (what Dropwizard's {@code jvm.memory.heap.used} gauge reports), reached by
 * attaching to the process and starting its local management agent: no port to open, same user only. When
 * attaching fails, the fallback (the admin port's gauge) is read instead.
 */
final class JmxHeap implements HeapSource {

    private final long pid;
    private final HeapSource fallback;
    private JMXConnector connector;
    private MemoryMXBean memory;
    private boolean attachFailed;

    JmxHeap(long pid, HeapSource fallback) {
        this.pid = pid;
        this.fallback = fallback;
    }

    @Override
    public synchronized OptionalLong usedBytes() {
        if (memory == null && !attachFailed) {
            attach();
        }
        if (memory == null) {
            return fallback == null ? OptionalLong.empty() : fallback.usedBytes();
        }
        try {
            return OptionalLong.of(memory.getHeapMemoryUsage().getUsed());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private void attach() {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            memory = ManagementFactory.newPlatformMXBeanProxy(
                    connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        } catch (Exception e) {
            attachFailed = true;
        }
    }

    @Override
    public synchronized void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException ignored) {
                // the server may be gone already
            }
        }
    }
}
