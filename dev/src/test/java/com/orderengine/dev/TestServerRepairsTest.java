package com.orderengine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repairs the local stack makes to Temporal's test server: each applies, and the server still works. */
class TestServerRepairsTest {

    private TestServer.PortBoundTestServer server;
    private WorkflowServiceStubs service;

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // As the local stack runs it: bound to a port, time skipping locked (real time).
        server = TestServer.createPortBoundServer(port, true);
        service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    }

    @AfterEach
    void stop() {
        service.shutdownNow();
        server.close();
    }

    @Test
    void everyRepairApplies() {
        TestServerRepairs.Outcome outcome = TestServerRepairs.apply(server);

        assertThat(outcome.failed()).as("a Temporal upgrade changed the test server's insides").isEmpty();
        assertThat(outcome.applied()).hasSize(2);
        assertThat(TestServerRepairs.apply(server).complete()).as("applying twice is harmless").isTrue();
    }

    @Test
    void waitingTasksAreHandedOutFirstInFirstOut() {
        TestServerRepairs.apply(server);

        List<String> handedOut = TaskDispatchOrder.handedOut(service, "default", "fifo-check", 6);

        // Unrepaired, the same polls answer wf-1, wf-6, wf-5, wf-4, wf-3, wf-2 (TestServerTaskOrderTest).
        assertThat(handedOut).containsExactly("wf-1", "wf-2", "wf-3", "wf-4", "wf-5", "wf-6");
    }

    @Test
    void timersRunInRealTimeAndTheLockEventLogStaysEmpty() throws Exception {
        TestServerRepairs.apply(server);
        WorkflowClient client = WorkflowClient.newInstance(service);
        WorkerFactory workers = WorkerFactory.newInstance(client);
        io.temporal.worker.Worker worker = workers.newWorker("repair-check");
        worker.registerWorkflowImplementationTypes(NappingWorkflowImpl.class);
        worker.registerActivitiesImplementations((Echo) text -> text);
        workers.start();
        try {
            for (int i = 0; i < 20; i++) {
                client.newWorkflowStub(NappingWorkflow.class, WorkflowOptions.newBuilder()
                        .setTaskQueue("repair-check").setWorkflowId("busy-" + i).build()).nap(0);
            }
            long startedAt = System.nanoTime();
            String answer = client.newWorkflowStub(NappingWorkflow.class, WorkflowOptions.newBuilder()
                    .setTaskQueue("repair-check").setWorkflowId("napper").build()).nap(1500);
            long tookMillis = (System.nanoTime() - startedAt) / 1_000_000;

            assertThat(answer).isEqualTo("slept 1500 ms");
            // Time skipping stays locked: a 1.5 s timer takes 1.5 s of wall time, not an instant.
            assertThat(tookMillis).isBetween(1500L, 10_000L);
            assertThat(lockEventLog()).as("21 workflows with timers and activities left no lock events").isEmpty();
        } finally {
            workers.shutdownNow();
        }
    }

    private List<?> lockEventLog() throws ReflectiveOperationException {
        Object starter = field(server, "testServicesStarter");
        return (List<?>) field(field(starter, "selfAdvancingTimer"), "lockEvents");
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    @WorkflowInterface
    public interface NappingWorkflow {
        @WorkflowMethod
        String nap(long millis);
    }

    @ActivityInterface
    public interface Echo {
        String echo(String text);
    }

    public static class NappingWorkflowImpl implements NappingWorkflow {

        private final Echo echo = Workflow.newActivityStub(Echo.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String nap(long millis) {
            Workflow.sleep(Duration.ofMillis(millis));
            return echo.echo("slept " + millis + " ms");
        }
    }
}
