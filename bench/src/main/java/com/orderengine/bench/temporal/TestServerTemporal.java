package com.orderengine.bench.temporal;

import com.orderengine.bench.process.ChildJvm;
import com.orderengine.bench.stack.Readiness;
import com.orderengine.bench.stack.TemporalInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Temporal's Java test server ({@code com.orderengine.dev.TestServerMain}) in a JVM of its own. It keeps every
 * workflow it has run in memory (the all-in-one stack's live heap grew 47 KB per order), hence the 3 GB heap: in the
 * stack's 512m it filled the heap after about 20,000 orders of a full run.
 */
final class TestServerTemporal implements TemporalProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final ChildJvm jvm;
    private final int port;

    private TestServerTemporal(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    static TestServerTemporal start(Path root, int port, Path logDirectory) {
        ChildJvm jvm = ChildJvm.start(
                "Temporal test server",
                List.of("-Xmx3g", "-XX:+UseG1GC"),
                "com.orderengine.dev.TestServerMain",
                Map.of("TEMPORAL_PORT", String.valueOf(port)),
                root,
                logDirectory.resolve("temporal-test-server.log"));
        try {
            // It has no list visibility to wait for, and the engine registers its search attributes at start.
            Readiness.listening(jvm, port, START_TIMEOUT);
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
        return new TestServerTemporal(jvm, port);
    }

    @Override
    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public TemporalInfo info() {
        return new TemporalInfo("Temporal: Java test server (in memory)", jvm.pid(), jvm.commandLine(), null, null);
    }

    @Override
    public void close() {
        jvm.close();
    }
}
