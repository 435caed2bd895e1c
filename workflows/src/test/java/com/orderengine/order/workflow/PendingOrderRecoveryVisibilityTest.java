package com.orderengine.order.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.infrastructure.tools.ProjectTools;
import com.orderengine.infrastructure.tools.TemporalDevServer;
import com.orderengine.order.OrderLine;
import com.orderengine.order.OrderMetrics;
import com.orderengine.order.OrderReference;
import com.orderengine.order.db.OrderDao;
import com.orderengine.testing.FreePorts;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pending-order recovery on Temporal's own server, which has list visibility: one query per page names the orders
 * that have a workflow, and only the others are described. (On the Java test server, without visibility, every
 * order is described: {@code OrderWorkflowTest}.)
 */
class PendingOrderRecoveryVisibilityTest {

    private static final String TASK_QUEUE = "recovery-visibility";
    private static final String LANE = "recovery-visibility-backlog";
    private static final OrderWorkflowFixture fixture = new OrderWorkflowFixture();

    private static TemporalDevServer temporal;
    private static WorkflowServiceStubs service;
    private static WorkerFactory workers;
    private static OrderWorkflowClient orders;

    @BeforeAll
    static void startTemporal() throws IOException {
        int port = FreePorts.next();
        temporal = TemporalDevServer.start(TemporalDevServer.Options.inMemory(
                ProjectTools.ofWorkingDirectory().require(ProjectTools.TEMPORAL),
                port,
                Path.of("target", "temporal-recovery-" + port + ".log")));
        service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(temporal.address())
                .build());
        WorkflowClient client = WorkflowClient.newInstance(service);
        workers = WorkerFactory.newInstance(client);
        Worker worker = workers.newWorker(TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        worker.registerActivitiesImplementations(fixture.activities);
        Worker lane = workers.newWorker(LANE);
        lane.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        lane.registerActivitiesImplementations(fixture.activities);
        workers.start();
        orders = new OrderWorkflowClient(client, TASK_QUEUE, LANE);
    }

    @AfterAll
    static void stopTemporal() {
        workers.shutdownNow();
        service.shutdownNow();
        temporal.close();
    }

    @Test
    void onePassDescribesOnlyThePendingOrdersVisibilityDoesNotList() throws InterruptedException {
        String running = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(running, List.of(new OrderLine(1, 1))), Duration.ofSeconds(30));
        String lostFirst = storedOrderWithoutWorkflow();
        String lostSecond = storedOrderWithoutWorkflow();
        // Every pending order but the two lost ones (this test's running one, and any other test's) is visible.
        await(() -> {
            Set<String> others = new HashSet<>(pendingReferences());
            others.removeAll(Set.of(lostFirst, lostSecond));
            return others.contains(running)
                    && orders.withWorkflows(pendingReferences()).orElseThrow().equals(others);
        });
        // One page of two: the pass pages, and asks visibility once per page.
        var recovery = recovery(orders, 1_000, 2);

        PendingOrderRecovery.Pass first = recovery.recover(false);

        // Three pending orders here, and any the other test left pending with a running workflow.
        assertThat(first.checked()).isEqualTo(pendingOrders()).isGreaterThanOrEqualTo(3);
        assertThat(first.described())
                .as("only the two visibility does not list")
                .isEqualTo(2);
        assertThat(first.resumed()).isEqualTo(2);
        for (String orderId : List.of(lostFirst, lostSecond)) {
            assertThat(state(orderId).status()).as(orderId).isEqualTo("pending");
            assertThat(taskQueue(orderId))
                    .as("recovery runs on the backlog lane")
                    .isEqualTo(LANE);
        }
        assertThat(taskQueue(running))
                .as("a live checkout runs on the live queue")
                .isEqualTo(TASK_QUEUE);
        await(() -> orders.withWorkflows(pendingReferences()).orElseThrow().size() == pendingOrders());
        assertThat(recovery.recover(false))
                .as("every workflow now visible: nothing described, nothing started")
                .isEqualTo(new PendingOrderRecovery.Pass(pendingOrders(), 0, 0, 0));
    }

    @Test
    void aFullPageOfOrdersFitsInOneVisibilityQuery() throws InterruptedException {
        String running = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(running, List.of(new OrderLine(1, 1))), Duration.ofSeconds(30));
        List<String> page = new ArrayList<>(List.of(running));
        while (page.size() < PendingOrderRecovery.PAGE) {
            page.add(OrderReference.random());
        }

        await(() -> orders.withWorkflows(page).orElseThrow().equals(Set.of(running)));
    }

    @Test
    void aFailedVisibilityQueryLeavesThePageToBeDescribedOneByOne() {
        String lost = storedOrderWithoutWorkflow();
        OrderWorkflowClient visibilityRefusing =
                new OrderWorkflowClient(WorkflowClient.newInstance(service), TASK_QUEUE, LANE) {
                    @Override
                    public Optional<Set<String>> withWorkflows(Collection<String> orderIds) {
                        throw new IllegalStateException(
                                "INVALID_ARGUMENT: this cluster's visibility refuses the query");
                    }
                };

        PendingOrderRecovery.Pass pass =
                recovery(visibilityRefusing, 1_000, PendingOrderRecovery.PAGE).recover(false);

        assertThat(pass.described()).as("every pending order described").isEqualTo(pass.checked());
        assertThat(pass.resumed()).isGreaterThanOrEqualTo(1);
        assertThat(state(lost).status()).isEqualTo("pending");
    }

    @Test
    void theFirstPassAfterStartUpTellsTheWorkflowsOfSessionsThatMovedAtStripe() throws InterruptedException {
        String paidMeanwhile = OrderReference.random();
        orders.startCheckout(
                OrderWorkflowFixture.input(paidMeanwhile, List.of(new OrderLine(1, 1))), Duration.ofSeconds(30));
        String stillOpen = OrderReference.random();
        orders.startCheckout(
                OrderWorkflowFixture.input(stillOpen, List.of(new OrderLine(1, 1))), Duration.ofSeconds(30));
        // Paid while the shop was down: the emulator here has no webhook endpoint, so no event will ever come.
        fixture.stripe.completeCheckoutSession(sessionOf(paidMeanwhile));
        await(() -> orders.withWorkflows(List.of(paidMeanwhile)).orElseThrow().contains(paidMeanwhile));

        PendingOrderRecovery.Pass pass =
                recovery(orders, 1_000, PendingOrderRecovery.PAGE).recover(true);

        assertThat(pass.reported()).isGreaterThanOrEqualTo(1);
        await(() -> "paid".equals(orderStatus(paidMeanwhile)));
        assertThat(fixture.metrics
                        .get(OrderMetrics.RECOVERIES)
                        .tag("action", "session_reported")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(fixture.metrics.get(OrderMetrics.RECOVERY_PENDING).gauge().value())
                .as("pass over")
                .isZero();
        assertThat(WorkflowClient.newInstance(service)
                        .fetchHistory(OrderReference.workflowId(stillOpen))
                        .getEvents())
                .as("an order whose session is still open costs its workflow nothing")
                .noneMatch(event -> event.hasWorkflowExecutionSignaledEventAttributes());
        assertThat(orderStatus(stillOpen)).isEqualTo("pending");
    }

    @Test
    void aPassKeepsToItsPace() {
        storedOrderWithoutWorkflow();
        storedOrderWithoutWorkflow();
        double perSecond = 10;
        long started = System.nanoTime();

        PendingOrderRecovery.Pass pass =
                recovery(orders, perSecond, PendingOrderRecovery.PAGE).recover(false);

        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(pass.checked()).isGreaterThanOrEqualTo(2);
        assertThat(seconds)
                .as("%d orders at %s/s", pass.checked(), perSecond)
                .isGreaterThanOrEqualTo((pass.checked() - 1) / perSecond * 0.9);
    }

    @Test
    void idsThatAreNotOrderIdsNeverReachTheQuery() {
        assertThat(orders.withWorkflows(List.of("x') OR WorkflowId != ('", "order-too-short")))
                .hasValue(Set.of());
    }

    private static String storedOrderWithoutWorkflow() {
        return fixture.storedOrderWithoutWorkflow(System.currentTimeMillis() / 1000);
    }

    private static List<String> pendingReferences() {
        return fixture.database
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT reference FROM orders WHERE status = 'pending'")
                        .mapTo(String.class)
                        .list());
    }

    private static PendingOrderRecovery recovery(OrderWorkflowClient client, double perSecond, int pageSize) {
        return new PendingOrderRecovery(
                fixture.database.jdbi().onDemand(OrderDao.class),
                client,
                fixture.checkoutSessions,
                perSecond,
                fixture.orderMetrics,
                pageSize);
    }

    private static String orderStatus(String orderId) {
        return fixture.database
                .jdbi()
                .onDemand(OrderDao.class)
                .findByReference(orderId)
                .orElseThrow()
                .status();
    }

    private static String sessionOf(String orderId) {
        return fixture.database
                .jdbi()
                .onDemand(OrderDao.class)
                .findByReference(orderId)
                .orElseThrow()
                .stripeSessionId();
    }

    private static String taskQueue(String orderId) {
        return WorkflowClient.newInstance(service)
                .newUntypedWorkflowStub(OrderReference.workflowId(orderId))
                .describe()
                .getTaskQueue();
    }

    private static int pendingOrders() {
        return fixture.database
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM orders WHERE status = 'pending'")
                        .mapTo(Integer.class)
                        .one());
    }

    private static OrderSnapshot state(String orderId) {
        return WorkflowClient.newInstance(service)
                .newWorkflowStub(OrderWorkflow.class, OrderReference.workflowId(orderId))
                .state();
    }

    /** Visibility trails a start by a moment. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("visibility did not catch up in 10 s")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
