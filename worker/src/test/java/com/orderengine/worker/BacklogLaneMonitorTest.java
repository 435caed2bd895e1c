package com.orderengine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.infrastructure.temporal.TemporalConnection;
import com.orderengine.infrastructure.tools.ProjectTools;
import com.orderengine.infrastructure.tools.TemporalDevServer;
import com.orderengine.order.OrderMetrics;
import com.orderengine.testing.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The lane's depth, as Temporal's own server counts it, reaches the gauge operators watch. */
class BacklogLaneMonitorTest {

    private static final String LANE = "lane-monitor-test";

    @Test
    void tasksWaitingOnTheLaneShowInTheGauge() throws Exception {
        int port = FreePorts.next();
        try (TemporalDevServer temporal = TemporalDevServer.start(TemporalDevServer.Options.inMemory(
                ProjectTools.ofWorkingDirectory().require(ProjectTools.TEMPORAL),
                port,
                Path.of("target", "temporal-lane-" + port + ".log")))) {
            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                    .setTarget(temporal.address())
                    .build());
            try {
                WorkflowClient client = WorkflowClient.newInstance(stubs);
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                var monitor = new BacklogLaneMonitor(
                        new TemporalConnection(stubs, client, "default", "orders"), LANE, new OrderMetrics(registry));
                // No worker polls the lane here: each start leaves a workflow task waiting on it.
                for (int i = 0; i < 3; i++) {
                    client.newUntypedWorkflowStub(
                                    "OrderWorkflow",
                                    WorkflowOptions.newBuilder()
                                            .setWorkflowId("lane-" + i)
                                            .setTaskQueue(LANE)
                                            .build())
                            .start();
                }

                long deadline = System.nanoTime() + 15_000_000_000L;
                double depth = 0;
                while (depth < 3 && System.nanoTime() < deadline) {
                    monitor.run();
                    depth = registry.get(OrderMetrics.LANE_DEPTH).gauge().value();
                    Thread.sleep(200);
                }
                assertThat(depth).isEqualTo(3);
            } finally {
                stubs.shutdownNow();
            }
        }
    }
}
