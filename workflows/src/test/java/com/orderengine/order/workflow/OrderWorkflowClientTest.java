package com.orderengine.order.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderengine.order.OrderLine;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderWorkflowClientTest {

    private WorkflowServiceStubs stubs;

    @AfterEach
    void close() {
        if (stubs != null) {
            stubs.shutdownNow();
        }
    }

    @Test
    void aCheckoutThatGivesUpStopsRetryingTemporal() throws Exception {
        stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + unusedPort())
                .setRpcTimeout(Duration.ofSeconds(5))
                .build());
        OrderWorkflowClient orders =
                new OrderWorkflowClient(WorkflowClient.newInstance(stubs), "orders", "orders-backlog");

        long started = System.nanoTime();
        assertThatThrownBy(() -> orders.startCheckout(
                        OrderWorkflowFixture.input("gives-up", List.of(new OrderLine(1, 1))), Duration.ofSeconds(1)))
                .isInstanceOf(OrderWorkflowClient.Unavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

        // The customer has been answered; a call still retrying in the background would hold a thread and keep
        // knocking on Temporal for the SDK's whole retry budget (a minute), once per abandoned checkout.
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (retryingCheckoutCalls() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(retryingCheckoutCalls()).isZero();
    }

    private static long retryingCheckoutCalls() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().equals("checkout-update"))
                .filter(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("io.temporal.internal.retryer.")))
                .count();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
