package com.orderengine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.infrastructure.tools.ProjectTools;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which Temporal the local stack starts: the dev server when the CLI is here, the test server otherwise. */
class LocalTemporalTest {

    @Test
    void withoutTheCliAndWithoutGoTheStackFallsBackToTheTestServerAndSaysHowToGetTheRealOne() throws Exception {
        Path emptyRepository = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "no-tools");
        Path emptyPath = Files.createDirectories(emptyRepository.resolve("bin"));
        ProjectTools tools = new ProjectTools(emptyRepository, Map.of("PATH", emptyPath.toString()));

        Optional<Path> cli = LocalTemporal.cli(tools);
        assertThat(cli).isEmpty();

        LocalStackSettings settings = TestStacks.settings(emptyRepository.resolve("data"));
        try (LocalTemporal temporal = LocalTemporal.start(settings, cli)) {
            assertThat(temporal.isDevServer()).isFalse();
            assertThat(temporal.uiUrl()).isNull();
            assertThat(temporal.description())
                    .contains("test server")
                    .contains("install Go")
                    .contains("scripts/install-tools");
            assertThat(serverVersion(temporal.address()))
                    .as("a Temporal answers on the stack's port")
                    .isNotNull();
            assertRealTime(temporal.address());
        }
    }

    @Test
    void withTheCliTheStackRunsTemporalsDevServerWithItsUiAndStateUnderTheDataDirectory() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "dev-server");
        LocalStackSettings settings = TestStacks.settings(data);
        Optional<Path> cli = LocalTemporal.cli(ProjectTools.ofWorkingDirectory());
        assertThat(cli).as("the test command builds the CLI first").isPresent();

        try (LocalTemporal temporal = LocalTemporal.start(settings, cli)) {
            assertThat(temporal.isDevServer()).isTrue();
            assertThat(temporal.uiUrl()).isEqualTo("http://127.0.0.1:" + settings.temporalUiPort());
            assertThat(serverVersion(temporal.address())).startsWith("1.29.");
        }
        assertThat(data.resolve("temporal").resolve("temporal.db")).isRegularFile();
        assertThat(data.resolve("temporal").resolve("temporal.log")).isNotEmptyFile();
    }

    /** A workflow that only waits: the kind of timer an order's Stripe polls and payment deadline are. */
    @WorkflowInterface
    public interface HourLongWait {
        @WorkflowMethod
        void waitAnHour();
    }

    public static class HourLongWaitImpl implements HourLongWait {
        @Override
        public void waitAnHour() {
            Workflow.sleep(Duration.ofHours(1));
        }
    }

    /**
     * The orders' timers must take the time they say: a workflow sleeping an hour is still running after a second
     * and a half. A test server that skips time would fire the timer as soon as the workflow task is done.
     */
    private static void assertRealTime(String address) throws InterruptedException {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
        WorkflowClient client = WorkflowClient.newInstance(service);
        WorkerFactory workers = WorkerFactory.newInstance(client);
        try {
            workers.newWorker("real-time-check").registerWorkflowImplementationTypes(HourLongWaitImpl.class);
            workers.start();
            HourLongWait workflow = client.newWorkflowStub(
                    HourLongWait.class,
                    WorkflowOptions.newBuilder()
                            .setWorkflowId("real-time-check")
                            .setTaskQueue("real-time-check")
                            .build());
            WorkflowClient.start(workflow::waitAnHour);
            Thread.sleep(1_500);
            assertThat(WorkflowStub.fromTyped(workflow).describe().getStatus())
                    .as("an hour-long timer has not fired after 1.5 s")
                    .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        } finally {
            workers.shutdownNow();
            service.shutdownNow();
        }
    }

    private static String serverVersion(String address) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
        try {
            return service.blockingStub()
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
                    .getServerVersion();
        } finally {
            service.shutdownNow();
        }
    }
}
