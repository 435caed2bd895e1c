package com.orderengine.order.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays histories recorded from runs of today's workflow (paid, expired, cancelled, and a run reopened for a
 * payment that settled after the order was cancelled, which refunds it) against the code. A change that would break
 * running orders (a reordered, added or removed command) fails here before it ships. Before the first release there
 * are no running orders to keep: a deliberate change re-records these histories (OrderWorkflowTest, with
 * {@code -Dorderengine.recordHistories=true}); from the first release on, it is versioned instead (README).
 */
class OrderWorkflowReplayTest {

    private static final String[] HISTORIES = {
        "histories/order-paid.json",
        "histories/order-expired.json",
        "histories/order-cancelled.json",
        "histories/order-late-payment-refunded.json"
    };

    @ParameterizedTest
    @MethodSource("histories")
    void recordedHistoriesReplayOnTheCurrentCode(String history) {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(history, OrderWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("histories")
    void aNonDeterministicChangeIsCaught(String history) {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                        history, SleepsBeforePricingWorkflow.class))
                .hasStackTraceContaining("NonDeterministicException");
    }

    static String[] histories() {
        return HISTORIES;
    }

    /** The current workflow with one extra timer up front: exactly the kind of edit that must not ship unversioned. */
    public static class SleepsBeforePricingWorkflow extends OrderWorkflowImpl {

        @WorkflowInit
        public SleepsBeforePricingWorkflow(OrderInput input) {
            super(input);
        }

        @Override
        public OrderOutcome run(OrderInput input) {
            Workflow.sleep(Duration.ofSeconds(1));
            return super.run(input);
        }
    }
}
