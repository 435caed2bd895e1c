package com.orderengine.dev;

import com.orderengine.testing.FreePorts;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Local stacks for tests: every port free and random, the data directory of the test's choosing. */
final class TestStacks {

    static final Path CONFIG = Path.of("..", "config.yml");

    private TestStacks() {}

    static LocalStackSettings settings(Path dataDirectory) {
        int apiPort = freePort();
        int stripePort = freePort();
        return new LocalStackSettings(
                "127.0.0.1",
                apiPort,
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                stripePort,
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                dataDirectory.toAbsolutePath(),
                "sk_test_browser",
                "whsec_browser_test",
                "http://127.0.0.1:" + stripePort,
                "http://localhost:" + apiPort,
                null,
                null,
                true);
    }

    static String orderStatus(LocalStackSettings settings, String orderId) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), "postgres", "postgres");
                PreparedStatement query =
                        connection.prepareStatement("SELECT status FROM orders WHERE reference = ?")) {
            query.setString(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A setting of the stack's PostgreSQL, as it reports it. */
    static String setting(LocalStackSettings settings, String name) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), "postgres", "postgres");
                PreparedStatement query = connection.prepareStatement("SELECT current_setting(?)")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run id of the order's workflow, as the stack's Temporal describes it now. */
    static String workflowRunId(LocalStackSettings settings, String orderId) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(settings.temporalAddress())
                .build());
        try {
            return service.blockingStub()
                    .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace("default")
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId("order-" + orderId))
                            .build())
                    .getWorkflowExecutionInfo()
                    .getExecution()
                    .getRunId();
        } finally {
            service.shutdownNow();
        }
    }

    static int freePort() {
        return FreePorts.next();
    }
}
