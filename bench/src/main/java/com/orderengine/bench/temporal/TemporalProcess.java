package com.orderengine.bench.temporal;

import com.orderengine.bench.options.TemporalMode;
import com.orderengine.bench.stack.TemporalInfo;
import com.orderengine.infrastructure.tools.ProjectTools;
import java.nio.file.Path;

/**
 * The Temporal the engine runs on during a run, always a process of its own: its CPU and memory are then measured
 * apart from the engine's JVM, as they would be spent on machines of their own in production. The stack is given
 * its {@link #address()} as TEMPORAL_ADDRESS.
 */
public interface TemporalProcess extends AutoCloseable {

    /**
     * Starts Temporal and returns once it serves the {@code default} namespace with the order search attributes.
     * {@code port} is a free port: the frontend's, or with {@code postgres} its PostgreSQL's (temporal-server picks
     * its own, below 32768). {@code stateDirectory} is in the run's temporary data directory (deleted afterwards),
     * logs go to {@code logDirectory}.
     */
    static TemporalProcess start(TemporalMode mode, Path root, int port, Path stateDirectory, Path logDirectory) {
        ProjectTools tools = new ProjectTools(root, System.getenv());
        return switch (mode) {
            case POSTGRES -> PostgresTemporal.start(tools, port, stateDirectory, logDirectory);
            case DEV -> DevServerTemporal.start(tools, port, stateDirectory, logDirectory);
            case TEST_SERVER -> TestServerTemporal.start(root, port, logDirectory);
        };
    }

    /** host:port of its frontend. */
    String address();

    /** What the report's process table says about it. */
    TemporalInfo info();

    /** Stops it (SIGTERM, then SIGKILL) and whatever it needs (its PostgreSQL). Safe to call twice; never throws. */
    @Override
    void close();
}
