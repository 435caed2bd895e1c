package com.orderengine.dev;

import com.orderengine.infrastructure.tools.ProjectTools;
import com.orderengine.infrastructure.tools.TemporalDevServer;
import io.temporal.testserver.TestServer;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal the local stack starts: Temporal's own server from the Temporal CLI ({@code temporal server
 * start-dev}, with its Web UI, its state in SQLite under the data directory), built first when Go is present and the
 * CLI is not. Only on a machine with neither does it fall back to Temporal's Java test server, which keeps
 * workflows in memory and has no UI and no list visibility.
 */
final class LocalTemporal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalTemporal.class);

    private final AutoCloseable server;
    private final String address;
    private final String uiUrl;
    private final String description;

    private LocalTemporal(AutoCloseable server, String address, String uiUrl, String description) {
        this.server = server;
        this.address = address;
        this.uiUrl = uiUrl;
        this.description = description;
    }

    /** The CLI as {@code TEMPORAL_CLI}, {@code .tools/bin} or the PATH offers it, else built now if Go is here. */
    static Optional<Path> cli(ProjectTools tools) {
        try {
            return tools.findOrBuild(ProjectTools.TEMPORAL, "TEMPORAL_CLI", "temporal");
        } catch (RuntimeException e) {
            // A failed build (offline, a refused module) must not keep the shop from starting: the fallback runs.
            log.warn(
                    "Could not build the Temporal CLI ({}); starting Temporal's Java test server instead",
                    e.getMessage());
            return Optional.empty();
        }
    }

    static LocalTemporal start(LocalStackSettings settings, Optional<Path> cli) {
        if (cli.isPresent()) {
            Path state = settings.dataDirectory().resolve("temporal");
            // The stack stops it last, after the worker (LocalStack's shutdown hook).
            TemporalDevServer server = TemporalDevServer.startOwned(new TemporalDevServer.Options(
                    cli.get(),
                    settings.host(),
                    settings.temporalPort(),
                    settings.temporalUiPort(),
                    state.resolve("temporal.db"),
                    state.resolve("temporal.log")));
            return new LocalTemporal(
                    server, server.address(), server.uiUrl(), "Temporal's dev server (log and state in " + state + ")");
        }
        // true locks time skipping: real time, as the order's timers (Stripe polls, the deadline) need.
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(settings.temporalPort(), true);
        return new LocalTemporal(
                server::close,
                settings.host() + ":" + settings.temporalPort(),
                null,
                "Temporal's Java test server: in memory, no Web UI. For Temporal's own server with its UI, install "
                        + "Go 1.26 and start again (the stack builds the Temporal CLI), or run scripts/install-tools");
    }

    String address() {
        return address;
    }

    /** The Web UI's address, or null for the test server. */
    String uiUrl() {
        return uiUrl;
    }

    String description() {
        return description;
    }

    boolean isDevServer() {
        return uiUrl != null;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
