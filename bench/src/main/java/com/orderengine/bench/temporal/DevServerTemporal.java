package com.orderengine.bench.temporal;

import com.orderengine.bench.stack.TemporalInfo;
import com.orderengine.infrastructure.tools.ProjectTools;
import com.orderengine.infrastructure.tools.TemporalDevServer;
import java.nio.file.Path;

/**
 * The Temporal CLI's dev server ({@code temporal server start-dev}) as the local stack runs it, headless: Temporal's
 * own server in one Go process, its state in SQLite (WAL, synchronous=full) under the run's data directory, the order
 * search attributes registered at start.
 */
final class DevServerTemporal implements TemporalProcess {

    private final TemporalDevServer server;
    private final String command;
    private final String version;

    private DevServerTemporal(TemporalDevServer server, String command, String version) {
        this.server = server;
        this.command = command;
        this.version = version;
    }

    static DevServerTemporal start(ProjectTools tools, int port, Path stateDirectory, Path logDirectory) {
        Path cli = tools.require(ProjectTools.TEMPORAL);
        TemporalDevServer server = TemporalDevServer.start(new TemporalDevServer.Options(
                cli,
                "127.0.0.1",
                port,
                null,
                stateDirectory.resolve("temporal.db"),
                logDirectory.resolve("temporal-dev-server.log")));
        String version;
        try (TemporalFrontend frontend = new TemporalFrontend(server.address())) {
            version = frontend.serverVersion().orElse("?");
        }
        return new DevServerTemporal(
                server, CommandLines.of(server.pid(), tools.root(), cli + " server start-dev"), version);
    }

    @Override
    public String address() {
        return server.address();
    }

    @Override
    public TemporalInfo info() {
        return new TemporalInfo(
                "Temporal: the CLI's dev server, server " + version + " (SQLite)", server.pid(), command, null, null);
    }

    @Override
    public void close() {
        server.close();
    }
}
