package com.orderengine.bench.resources;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.OptionalLong;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A server JVM's memory MXBean, reached by attaching to the process and starting its local management agent: no
 * port to open, same user only. Attaching is tried once, on first use; when it fails, every reading is empty.
 */
public final class JvmAttachment implements AutoCloseable {

    private final long pid;
    private JMXConnector connector;
    private MemoryMXBean memory;
    private boolean attachFailed;

    public JvmAttachment(long pid) {
        this.pid = pid;
    }

    /** What Dropwizard's {@code jvm.memory.heap.used} gauge reports. */
    public synchronized OptionalLong usedHeapBytes() {
        if (!attached()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(memory.getHeapMemoryUsage().getUsed());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private boolean attached() {
        if (memory == null && !attachFailed) {
            attach();
        }
        return memory != null;
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
            MBeanServerConnection server = connector.getMBeanServerConnection();
            memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                    MemoryMXBean.class);
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
