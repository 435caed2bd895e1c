package com.orderengine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.tools.ProjectTools;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertThat(temporal.description()).contains("test server").contains("install Go")
                    .contains("scripts/install-tools");
            assertThat(serverVersion(temporal.address())).as("a Temporal answers on the stack's port").isNotNull();
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

    private static String serverVersion(String address) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
        try {
            return service.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).getServerVersion();
        } finally {
            service.shutdownNow();
        }
    }
}
