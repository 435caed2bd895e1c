package com.orderengine.order.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays histories recorded from real runs (paid, expired) against today's workflow code. A change that would
 * break running orders (a reordered, added or removed command) fails here before it ships. The files without a
 * suffix come from before Stripe polling (version 0 of {@code poll-stripe-while-waiting}); {@code -v1} after it,
 * with three set-up activities; {@code -v2} after the set-up became one activity ({@code one-setup-activity});
 * {@code -v3} with version 2 of the polling (fewer polls, each wait jittered); {@code -v4} with the set-up and the
 * status changes as local activities (version 2 of {@code one-setup-activity}, {@code local-status-change}).
 * {@code order-late-payment-refunded} is a run reopened for a payment that settled after the order was cancelled.
 */
class OrderWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"histories/order-paid.json", "histories/order-expired.json",
        "histories/order-paid-v1.json", "histories/order-expired-v1.json",
        "histories/order-paid-v2.json", "histories/order-expired-v2.json",
        "histories/order-paid-v3.json", "histories/order-expired-v3.json",
        "histories/order-paid-v4.json", "histories/order-expired-v4.json",
        "histories/order-late-payment-refunded.json"})
    void recordedHistoriesReplayOnTheCurrentCode(String history) {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(history, OrderWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"histories/order-paid.json", "histories/order-expired-v1.json",
        "histories/order-paid-v2.json", "histories/order-expired-v3.json", "histories/order-paid-v4.json"})
    void aNonDeterministicChangeIsCaught(String history) {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                history, SleepsBeforePricingWorkflow.class))
                .hasStackTraceContaining("NonDeterministicException");
    }

    /** The current workflow with one extra timer up front: exactly the kind of edit that must not ship unversioned. */
    public static class SleepsBeforePricingWorkflow extends OrderWorkflowImpl {

        @io.temporal.workflow.WorkflowInit
        public SleepsBeforePricingWorkflow(OrderInput input) {
            super(input);
        }

        @Override
        public OrderOutcome run(OrderInput input) {
            Workflow.sleep(java.time.Duration.ofSeconds(1));
            return super.run(input);
        }
    }
}
