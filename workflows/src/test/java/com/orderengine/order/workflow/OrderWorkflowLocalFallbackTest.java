package com.orderengine.order.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.order.OrderLine;
import com.orderengine.order.OrderReference;
import com.orderengine.order.db.OrderDao;
import com.orderengine.stripeemulator.fault.StripeOperation;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A step whose local attempts run out goes on as an ordinary activity. The workflow here gives local attempts 2 s
 * instead of a minute, so that Stripe failing for longer than that takes seconds to test.
 */
class OrderWorkflowLocalFallbackTest {

    private static final OrderWorkflowFixture fixture = new OrderWorkflowFixture();

    @RegisterExtension
    static final TestWorkflowExtension temporal = fixture.extension(ShortLocalAttemptsWorkflow.class);

    @AfterEach
    void clearFaults() {
        fixture.stripe.faults().clear();
    }

    @Test
    void stripeFailingLongerThanTheLocalAttemptsStillCreatesOneSessionThroughAnOrdinaryActivity(
            WorkflowClient client, Worker worker) {
        OrderWorkflowClient orders = new OrderWorkflowClient(client, worker.getTaskQueue(), worker.getTaskQueue());
        int createdBefore = fixture.stripe.checkoutSessionsCreated();
        int requestsBefore = fixture.stripe.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION);
        // Local attempts at 0, 0.5 and 1.5 s fail, the next would come after the 2 s; the activity's first fails too.
        fixture.stripe.faults().failNext(StripeOperation.CREATE_CHECKOUT_SESSION, 4, 503);
        String orderId = OrderReference.random();

        CheckoutLink link = orders.startCheckout(
                OrderWorkflowFixture.input(orderId, List.of(new OrderLine(2, 1))), Duration.ofSeconds(30));

        String sessionUrl = fixture.database
                .jdbi()
                .onDemand(OrderDao.class)
                .findByReference(orderId)
                .orElseThrow()
                .stripeSessionUrl();
        assertThat(link.url()).isEqualTo(sessionUrl);
        assertThat(fixture.stripe.checkoutSessionsCreated() - createdBefore).isEqualTo(1);
        assertThat(fixture.stripe.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION) - requestsBefore)
                .isEqualTo(5);
        List<EventType> events = client.fetchHistory(OrderReference.workflowId(orderId)).getEvents().stream()
                .map(HistoryEvent::getEventType)
                .toList();
        assertThat(events)
                .contains(
                        EventType.EVENT_TYPE_MARKER_RECORDED,
                        EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
                        EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
    }

    /** The order workflow with 2 s of local attempts. */
    public static class ShortLocalAttemptsWorkflow extends OrderWorkflowImpl {

        @WorkflowInit
        public ShortLocalAttemptsWorkflow(OrderInput input) {
            super(input, Duration.ofSeconds(2));
        }
    }
}
