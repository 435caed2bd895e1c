package com.orderengine.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The local stack keeps what matters across a restart (the orders, the emulator's sessions and, on Temporal's dev
 * server, the workflows themselves), and refuses to start on a taken port.
 */
class LocalStackRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOrderLeftPendingBeforeARestartCanBePaidAfterIt() throws Exception {
        LocalStackSettings settings =
                TestStacks.settings(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart-stack"));
        String orderId;
        String sessionId;
        String runId;
        try (LocalStack first = LocalStack.start(settings, TestStacks.CONFIG)) {
            JsonNode checkout = post(
                    first.storefrontUrl() + "/api/checkout",
                    "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"restart@example.com\"}");
            orderId = checkout.path("orderId").asText();
            sessionId = first.stripe().checkoutSessions().stream()
                    .filter(session -> orderId.equals(session.clientReferenceId()))
                    .findFirst()
                    .orElseThrow()
                    .id();
            runId = TestStacks.workflowRunId(settings, orderId);
            assertThat(TestStacks.setting(settings, "fsync")).isEqualTo("on");
            assertThat(TestStacks.setting(settings, "synchronous_commit")).isEqualTo("on");
        }

        try (LocalStack second = LocalStack.start(settings, TestStacks.CONFIG)) {
            assertThat(get(second.storefrontUrl() + "/api/orders/" + orderId)
                            .path("status")
                            .asText())
                    .isEqualTo("pending");
            assertThat(second.stripe().checkoutSession(sessionId))
                    .as("the emulator kept the session")
                    .isPresent();

            assertThat(TestStacks.workflowRunId(settings, orderId))
                    .as("the dev server kept the order's workflow: the same run, not a recovery run")
                    .isEqualTo(runId);
            second.stripe().completeCheckoutSession(sessionId);

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!"paid".equals(TestStacks.orderStatus(settings, orderId)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(TestStacks.orderStatus(settings, orderId)).isEqualTo("paid");
            assertThat(TestStacks.workflowRunId(settings, orderId))
                    .as("paid by the run that waited")
                    .isEqualTo(runId);

            // Operators of the local stack get the JVM's gauges too, as from java -jar.
            for (int adminPort : new int[] {settings.adminPort(), settings.workerAdminPort()}) {
                String metrics = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/prometheus"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(metrics).containsPattern("(?m)^jvm_memory_heap_used [0-9.E]+$");
            }
        }
    }

    @Test
    void aTakenPortStopsStartUpWithAClearMessage() throws Exception {
        LocalStackSettings settings =
                TestStacks.settings(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "taken-port"));
        try (ServerSocket taken = new ServerSocket(settings.stripePort(), 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> LocalStack.start(settings, TestStacks.CONFIG))
                    .hasMessageContaining("Port " + settings.stripePort() + " (Stripe emulator) is already in use")
                    .hasMessageContaining("STRIPE_EMULATOR_PORT");
        }
    }

    @Test
    void aTakenTemporalUiPortIsNamedToo() throws Exception {
        LocalStackSettings settings =
                TestStacks.settings(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "taken-ui-port"));
        try (ServerSocket taken = new ServerSocket(settings.temporalUiPort(), 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> LocalStack.start(settings, TestStacks.CONFIG))
                    .hasMessageContaining("Port " + settings.temporalUiPort() + " (Temporal Web UI) is already in use")
                    .hasMessageContaining("TEMPORAL_UI_PORT");
        }
    }

    private JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
