package com.orderengine.order.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderengine.order.OrderLine;
import com.orderengine.order.OrderMetrics;
import com.orderengine.order.OrderReference;
import com.orderengine.order.PricedOrder;
import com.orderengine.order.activities.NewOrder;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.OrderRecord;
import com.orderengine.order.db.RefundDao;
import com.orderengine.order.db.RefundRecord;
import com.orderengine.order.db.StatusChangeRecord;
import com.orderengine.order.stripe.CheckoutSessionState;
import com.orderengine.stripeemulator.CheckoutSessionView;
import com.orderengine.stripeemulator.RefundView;
import com.orderengine.stripeemulator.fault.StripeOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderWorkflowTest {

    private static final OrderWorkflowFixture fixture = new OrderWorkflowFixture();

    @RegisterExtension
    static final TestWorkflowExtension temporal = fixture.extension();

    private OrderWorkflowClient orders;
    private WorkflowClient client;
    private TestWorkflowEnvironment environment;
    private int refundRequestsBefore;

    @BeforeEach
    void setUp(TestWorkflowEnvironment environment, WorkflowClient client, Worker worker) {
        this.environment = environment;
        this.client = client;
        this.orders = new OrderWorkflowClient(client, worker.getTaskQueue(), worker.getTaskQueue());
        this.refundRequestsBefore = fixture.stripe.requestCount(StripeOperation.CREATE_REFUND);
    }

    @AfterEach
    void clearFaults() {
        fixture.stripe.faults().clear();
    }

    @Test
    void paymentWebhookMarksTheOrderPaidAndCompletesTheWorkflow() throws IOException {
        String orderId = OrderReference.random();
        CheckoutLink link = orders.startCheckout(
                OrderWorkflowFixture.input(orderId, List.of(new OrderLine(1, 2), new OrderLine(2, 1))),
                Duration.ofSeconds(30));

        OrderRecord pending = order(orderId);
        assertThat(pending.status()).isEqualTo("pending");
        assertThat(pending.total()).isEqualByComparingTo("47.99"); // 2 x 14.00 + 19.99, priced from products
        assertThat(link.url()).isEqualTo(pending.stripeSessionUrl()).startsWith(fixture.stripe.baseUrl());

        CheckoutSessionView session =
                fixture.stripe.checkoutSession(pending.stripeSessionId()).orElseThrow();
        assertThat(session.amountTotal()).isEqualTo(4799);
        assertThat(session.clientReferenceId()).isEqualTo(orderId);
        assertThat(session.metadata()).containsEntry("order_id", orderId);
        assertThat(session.paymentIntentMetadata()).containsEntry("order_id", orderId);
        assertThat(session.customerEmail()).isEqualTo("buyer@example.com");
        assertThat(session.successUrl())
                .isEqualTo(OrderWorkflowFixture.SITE_URL + "/checkout/success?session_id={CHECKOUT_SESSION_ID}");
        assertThat(session.cancelUrl()).isEqualTo(OrderWorkflowFixture.SITE_URL + "/cart");
        assertThat(session.lineItems())
                .extracting(line -> line.name() + " " + line.unitAmount() + "x" + line.quantity())
                .containsExactly("Ceramic Mug 1400x2", "Canvas Tote 1999x1");
        assertThat(session.expiresAt())
                .isBetween(
                        environment.currentTimeMillis() / 1000 + 3500, environment.currentTimeMillis() / 1000 + 3700);

        CheckoutSessionView paid = fixture.stripe.completeCheckoutSession(session.id());
        PaymentEvent event = completed("evt_paid_1", paid);
        assertThat(orders.deliver(orderId, event)).isTrue();

        OrderOutcome outcome = stub(orderId).getResult(OrderOutcome.class);
        assertThat(outcome.status()).isEqualTo("paid");
        OrderRecord done = order(orderId);
        assertThat(done.status()).isEqualTo("paid");
        assertThat(done.paidAt()).isNotNull();
        assertThat(done.stripePaymentIntentId()).isEqualTo(paid.paymentIntent());
        assertThat(changes(done)).extracting(StatusChangeRecord::toStatus).containsExactly("pending", "paid");
        assertThat(changes(done).get(1).stripeEventId()).isEqualTo("evt_paid_1");
        assertThat(searchAttribute(orderId, "OrderStatus")).contains("paid");
        assertThat(searchAttribute(orderId, "OrderId")).contains(orderId);

        // The confirmation waits in the outgoing mail, with the order's page and its lines as priced.
        assertThat(mails(orderId)).singleElement().satisfies(mail -> {
            assertThat(mail.get("message_id")).isEqualTo("order-" + orderId + ".paid@shop.test");
            assertThat(mail.get("kind")).isEqualTo("order.paid");
            assertThat(mail.get("recipient")).isEqualTo("buyer@example.com");
            assertThat((String) mail.get("text_body"))
                    .contains(
                            "2 x Ceramic Mug at 14.00 USD: 28.00 USD",
                            "1 x Canvas Tote at 19.99 USD: 19.99 USD",
                            "Total: 47.99 USD",
                            OrderWorkflowFixture.SITE_URL + "/checkout/success?session_id=" + paid.id());
            assertThat((String) mail.get("html_body")).contains("47.99 USD", "Test Shop");
        });

        // A delivery after the workflow closed finds no running workflow and changes nothing.
        assertThat(orders.deliver(orderId, event)).isFalse();
        assertThat(changes(done)).hasSize(2);
        assertThat(mails(orderId)).hasSize(1);
        recordHistory(orderId, "order-paid.json");
    }

    @Test
    void theCheckoutUrlComesFromTheFirstWorkflowTaskAndThePaymentIsRecordedInOneMore() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(1, 1))), Duration.ofSeconds(30));

        // Priced, stored, the session created and recorded: all in local activities of the first workflow task.
        List<EventType> opened = eventTypes(orderId);
        assertThat(opened).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
        assertThat(opened)
                .filteredOn(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED::equals)
                .hasSize(1);
        assertThat(opened)
                .contains(
                        EventType.EVENT_TYPE_MARKER_RECORDED, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);

        CheckoutSessionView paid =
                fixture.stripe.completeCheckoutSession(order(orderId).stripeSessionId());
        orders.deliver(orderId, completed("evt_one_task", paid));
        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("paid");

        List<EventType> closed = eventTypes(orderId);
        assertThat(closed).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
        assertThat(closed)
                .filteredOn(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED::equals)
                .hasSize(2);
        assertThat(order(orderId).status()).isEqualTo("paid");
    }

    @Test
    void duplicateEventsCauseOneTransition() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(3, 1))), Duration.ofSeconds(30));
        CheckoutSessionView session =
                fixture.stripe.completeCheckoutSession(order(orderId).stripeSessionId());
        // Unpaid first (a delayed method), then the same success event three times.
        orders.deliver(
                orderId,
                new PaymentEvent(
                        "evt_async_done",
                        PaymentEvent.CHECKOUT_SESSION_COMPLETED,
                        session.id(),
                        "unpaid",
                        null,
                        session.amountTotal(),
                        "usd"));
        assertThat(query(orderId).status()).isEqualTo("pending");
        assertThat(query(orderId).detail()).contains("delayed payment");
        PaymentEvent succeeded = new PaymentEvent(
                "evt_async_ok",
                PaymentEvent.CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED,
                session.id(),
                "paid",
                session.paymentIntent(),
                session.amountTotal(),
                "usd");
        for (int i = 0; i < 3; i++) {
            orders.deliver(orderId, succeeded);
        }

        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("paid");
        assertThat(changes(order(orderId)))
                .extracting(StatusChangeRecord::toStatus)
                .containsExactly("pending", "paid");
        assertThat(mails(orderId))
                .extracting(mail -> mail.get("message_id"))
                .containsExactly("order-" + orderId + ".paid@shop.test");
    }

    @Test
    void aPaidOrderIsConfirmedOnceHoweverOftenThePaymentOrTheStepComesAgain() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(2, 1))), Duration.ofSeconds(30));
        CheckoutSessionView paid =
                fixture.stripe.completeCheckoutSession(order(orderId).stripeSessionId());
        // The same payment told three ways: the webhook, the same event redelivered, and another event type for it.
        orders.deliver(orderId, completed("evt_confirm_1", paid));
        orders.deliver(orderId, completed("evt_confirm_1", paid));
        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("paid");
        orders.deliverToFinishedOrder(
                orderId,
                "usd",
                new PaymentEvent(
                        "evt_confirm_2",
                        PaymentEvent.CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED,
                        paid.id(),
                        "paid",
                        paid.paymentIntent(),
                        paid.amountTotal(),
                        "usd"));
        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("paid");

        // The step retried after its first attempt committed (a worker that died before reporting it).
        assertThat(fixture.activities.mailConfirmation(orderId)).isFalse();

        assertThat(mails(orderId))
                .extracting(mail -> mail.get("message_id"))
                .containsExactly("order-" + orderId + ".paid@shop.test");
    }

    @Test
    void withoutPaymentTheOrderExpiresAtTheSessionDeadline() throws IOException {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(4, 1))), Duration.ofSeconds(30));
        String sessionId = order(orderId).stripeSessionId();

        // Time skipping jumps the hour to the deadline.
        OrderOutcome outcome = stub(orderId).getResult(OrderOutcome.class);

        assertThat(outcome.status()).isEqualTo("expired");
        assertThat(order(orderId).status()).isEqualTo("expired");
        // The session is closed at Stripe too, so no payment can land after the order expired.
        assertThat(fixture.stripe.checkoutSession(sessionId).orElseThrow().status())
                .isEqualTo("expired");
        assertThat(mails(orderId)).as("nothing to tell the customer").isEmpty();
        recordHistory(orderId, "order-expired.json");
    }

    @Test
    void aPaymentWhoseWebhookWasLostIsFoundAtTheDeadline() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(5, 3))), Duration.ofSeconds(30));
        CheckoutSessionView paid =
                fixture.stripe.completeCheckoutSession(order(orderId).stripeSessionId());

        OrderOutcome outcome = stub(orderId).getResult(OrderOutcome.class);

        assertThat(outcome.status()).isEqualTo("paid");
        assertThat(outcome.detail()).contains("confirmed with Stripe");
        OrderRecord done = order(orderId);
        assertThat(done.status()).isEqualTo("paid");
        assertThat(done.stripePaymentIntentId()).isEqualTo(paid.paymentIntent());
    }

    @Test
    void aPaymentWithoutWebhookIsFoundByPollingLongBeforeTheDeadline() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(3, 2))), Duration.ofSeconds(30));
        fixture.stripe.completeCheckoutSession(order(orderId).stripeSessionId());
        double corrections = meter(OrderMetrics.RECONCILIATIONS, "status", "paid");
        double paidOrders = meter(OrderMetrics.ORDERS_FINISHED, "status", "paid");
        double timedToPaid = meter(OrderMetrics.CHECKOUT_TO_PAID);

        environment.sleep(Duration.ofMinutes(13)); // the first poll is at 8–12 minutes; the deadline is at 60

        assertThat(order(orderId).status()).isEqualTo("paid");
        assertThat(stub(orderId).getResult(OrderOutcome.class).detail()).contains("while waiting");
        assertThat(meter(OrderMetrics.RECONCILIATIONS, "status", "paid")).isEqualTo(corrections + 1);
        assertThat(meter(OrderMetrics.ORDERS_FINISHED, "status", "paid")).isEqualTo(paidOrders + 1);
        assertThat(meter(OrderMetrics.CHECKOUT_TO_PAID)).isEqualTo(timedToPaid + 1);
    }

    @Test
    void aSessionReportedByTheRecoveryPassIsAppliedAtOnceWithoutAnotherStripeRead() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(3, 1))), Duration.ofSeconds(30));
        String sessionId = order(orderId).stripeSessionId();
        fixture.stripe.completeCheckoutSession(sessionId);
        CheckoutSessionState paid = fixture.activities.retrieveCheckoutSession(sessionId);
        CheckoutSessionState otherSession = new CheckoutSessionState(
                "cs_test_not_this_order",
                null,
                "expired",
                "unpaid",
                null,
                paid.amountTotal(),
                paid.currency(),
                paid.expiresAtEpochSecond());
        int reads = fixture.stripe.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION);

        assertThat(orders.reportSession(orderId, otherSession)).isTrue();
        environment.sleep(Duration.ofSeconds(1));
        assertThat(order(orderId).status())
                .as("another session's state is ignored")
                .isEqualTo("pending");
        assertThat(orders.reportSession(orderId, paid)).isTrue();

        assertThat(stub(orderId).getResult(OrderOutcome.class).detail()).contains("recovery pass");
        assertThat(order(orderId).status()).isEqualTo("paid");
        assertThat(fixture.stripe.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION))
                .isEqualTo(reads);
        assertThat(orders.reportSession(orderId, paid))
                .as("a finished order's workflow is gone")
                .isFalse();
    }

    @Test
    void anUnpaidOrderAsksStripeTwiceBeforeItsDeadlineAndOnceAtIt() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(2, 1))), Duration.ofSeconds(30));
        int before = fixture.stripe.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION);

        environment.sleep(Duration.ofMinutes(7));
        assertThat(fixture.stripe.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION) - before)
                .as("no poll in the first 8 minutes")
                .isZero();
        environment.sleep(Duration.ofMinutes(6));
        assertThat(fixture.stripe.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION) - before)
                .as("the first poll, 8–12 minutes in")
                .isEqualTo(1);
        environment.sleep(Duration.ofMinutes(45));
        assertThat(fixture.stripe.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION) - before)
                .as("the second, 16–24 minutes after the first; none in the last 10 minutes")
                .isEqualTo(2);

        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("expired");
        assertThat(fixture.stripe.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION) - before)
                .as("and the look at the deadline")
                .isEqualTo(3);
    }

    @Test
    void stripeFailingWith500Then429StillCreatesExactlyOneSession() {
        int before = fixture.stripe.checkoutSessionsCreated();
        int requestsBefore = fixture.stripe.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION);
        fixture.stripe
                .faults()
                .failNext(StripeOperation.CREATE_CHECKOUT_SESSION, 1, 500)
                .failNext(StripeOperation.CREATE_CHECKOUT_SESSION, 1, 429);
        String orderId = OrderReference.random();

        CheckoutLink link = orders.startCheckout(
                OrderWorkflowFixture.input(orderId, List.of(new OrderLine(1, 1))), Duration.ofSeconds(30));

        assertThat(link.url()).isNotBlank();
        assertThat(fixture.stripe.requestCount(StripeOperation.CREATE_CHECKOUT_SESSION) - requestsBefore)
                .isEqualTo(3);
        assertThat(fixture.stripe.checkoutSessionsCreated() - before).isEqualTo(1);
    }

    @Test
    void aSetUpSlowerThanTemporalsWaitForTheUpdateStillAnswersTheUrl() {
        // Five failures: local retries after 0.5, 1, 2, 4 and 8 s, so the URL is ready after about 15 s, past the
        // 10 s after which the test server answers an update's wait with "accepted". The handle then polls for
        // the result; that poll once ran in an already cancelled context and the checkout failed with a 500.
        fixture.stripe.faults().failNext(StripeOperation.CREATE_CHECKOUT_SESSION, 5, 503);
        String orderId = OrderReference.random();
        long started = System.nanoTime();

        CheckoutLink link = orders.startCheckout(
                OrderWorkflowFixture.input(orderId, List.of(new OrderLine(5, 1))), Duration.ofSeconds(40));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(10));
        assertThat(link.url()).isEqualTo(order(orderId).stripeSessionUrl());
    }

    @Test
    void aLostStripeResponseIsReplayedByTheIdempotencyKeyNotCreatedTwice() {
        int before = fixture.stripe.checkoutSessionsCreated();
        fixture.stripe.faults().failNextAfterExecuting(StripeOperation.CREATE_CHECKOUT_SESSION, 1, 502);
        String orderId = OrderReference.random();

        CheckoutLink link = orders.startCheckout(
                OrderWorkflowFixture.input(orderId, List.of(new OrderLine(1, 1))), Duration.ofSeconds(30));

        assertThat(fixture.stripe.checkoutSessionsCreated() - before).isEqualTo(1);
        assertThat(fixture.stripe
                        .checkoutSession(order(orderId).stripeSessionId())
                        .orElseThrow()
                        .url())
                .isEqualTo(link.url());
    }

    @Test
    void aCreateThatTimesOutIsRetriedWithTheSameKeyAndMakesOneSession() {
        int before = fixture.stripe.checkoutSessionsCreated();
        // Longer than the fixture's 2 s stripe-java read timeout: the first attempt gives up, the session exists.
        fixture.stripe.faults().delayNext(StripeOperation.CREATE_CHECKOUT_SESSION, 1, Duration.ofSeconds(3));
        String orderId = OrderReference.random();

        CheckoutLink link = orders.startCheckout(
                OrderWorkflowFixture.input(orderId, List.of(new OrderLine(6, 1))), Duration.ofSeconds(30));

        assertThat(fixture.stripe.checkoutSessionsCreated() - before).isEqualTo(1);
        assertThat(link.url()).isEqualTo(order(orderId).stripeSessionUrl());
    }

    @Test
    void retrieveAndExpireFailingWith500And429AndTimingOutAreRetriedAndTheOrderStillExpires() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(4, 1))), Duration.ofSeconds(30));
        String sessionId = order(orderId).stripeSessionId();
        int retrievesBefore = fixture.stripe.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION);
        int expiresBefore = fixture.stripe.requestCount(StripeOperation.EXPIRE_CHECKOUT_SESSION);
        // Each: 500, then 429, then slower than the client's 2 s read timeout (the expire is done, its answer lost).
        for (StripeOperation operation :
                List.of(StripeOperation.RETRIEVE_CHECKOUT_SESSION, StripeOperation.EXPIRE_CHECKOUT_SESSION)) {
            fixture.stripe
                    .faults()
                    .failNext(operation, 1, 500)
                    .failNext(operation, 1, 429)
                    .delayNextAfterExecuting(operation, Duration.ofSeconds(3));
        }

        OrderOutcome outcome = stub(orderId).getResult(OrderOutcome.class);

        assertThat(outcome.status()).isEqualTo("expired");
        assertThat(fixture.stripe.checkoutSession(sessionId).orElseThrow().status())
                .isEqualTo("expired");
        assertThat(fixture.stripe.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION) - retrievesBefore)
                .as("polls and the deadline check, with a 500, a 429 and a timeout retried")
                .isGreaterThanOrEqualTo(4);
        assertThat(fixture.stripe.requestCount(StripeOperation.EXPIRE_CHECKOUT_SESSION) - expiresBefore)
                .as("500, 429, the expire whose answer timed out, then its replay")
                .isEqualTo(4);
    }

    @Test
    void theSameRequestJoinsTheRunningWorkflowAndAnotherBodyIsRefused() {
        String orderId = OrderReference.random();
        OrderInput input = OrderWorkflowFixture.input(orderId, List.of(new OrderLine(2, 2)));
        CheckoutLink first = orders.startCheckout(input, Duration.ofSeconds(30));
        int sessions = fixture.stripe.checkoutSessionsCreated();

        CheckoutLink again = orders.startCheckout(input, Duration.ofSeconds(30));
        assertThat(again).isEqualTo(first);
        assertThat(fixture.stripe.checkoutSessionsCreated()).isEqualTo(sessions);
        assertThat(fixture.database.count("SELECT count(*) FROM orders WHERE reference = ?", orderId))
                .isEqualTo(1);

        OrderInput otherCart = new OrderInput(
                orderId, input.email(), "usd", List.of(new OrderLine(2, 3)), 3600, "another-fingerprint");
        assertThatThrownBy(() -> orders.startCheckout(otherCart, Duration.ofSeconds(30)))
                .isInstanceOf(OrderWorkflowClient.Rejected.class)
                .hasMessageContaining("Idempotency-Key");
    }

    @Test
    void aProductRemovedBeforePricingFailsTheCheckoutWithoutAnOrder() {
        String orderId = OrderReference.random();

        assertThatThrownBy(() -> orders.startCheckout(
                        OrderWorkflowFixture.input(orderId, List.of(new OrderLine(9999, 1))), Duration.ofSeconds(30)))
                .isInstanceOf(OrderWorkflowClient.Rejected.class)
                .hasMessageContaining("product 9999 does not exist");
        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("failed");
        assertThat(fixture.database.count("SELECT count(*) FROM orders WHERE reference = ?", orderId))
                .isZero();
        // A refusal for good is not tried again as an ordinary activity.
        assertThat(eventTypes(orderId)).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    }

    @Test
    void aRetriedSetUpKeepsTheOrderStoredEvenWhenItsProductNowPricesItOutOfReach() {
        int productId = fixture.database
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "INSERT INTO products (name, price) VALUES ('Repriced Lamp', 25.00) RETURNING id")
                        .mapTo(Integer.class)
                        .one());
        String orderId = OrderReference.random();
        NewOrder order = new NewOrder(orderId, "buyer@example.com", "usd", List.of(new OrderLine(productId, 2)));
        PricedOrder first = fixture.activities.createOrder(order);
        // Past Stripe's maximum payment: priced anew, the order would be refused as too large.
        fixture.database
                .jdbi()
                .useHandle(handle -> handle.execute("UPDATE products SET price = 99999999.00 WHERE id = ?", productId));

        PricedOrder retried = fixture.activities.createOrder(order);

        assertThat(retried.total()).isEqualByComparingTo("50.00").isEqualByComparingTo(first.total());
        assertThat(fixture.database.count("SELECT count(*) FROM orders WHERE reference = ?", orderId))
                .isEqualTo(1);
    }

    @Test
    void stripeExpiringTheSessionExpiresTheOrder() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(6, 1))), Duration.ofSeconds(30));
        String sessionId = order(orderId).stripeSessionId();

        orders.deliver(
                orderId,
                new PaymentEvent(
                        "evt_expired", PaymentEvent.CHECKOUT_SESSION_EXPIRED, sessionId, "unpaid", null, 2400L, "usd"));

        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("expired");
        assertThat(order(orderId).status()).isEqualTo("expired");
    }

    @Test
    void aPaymentForTheWrongAmountIsFlaggedAndNotMarkedPaid() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(1, 1))), Duration.ofSeconds(30));
        String sessionId = order(orderId).stripeSessionId();

        orders.deliver(
                orderId,
                new PaymentEvent(
                        "evt_short",
                        PaymentEvent.CHECKOUT_SESSION_COMPLETED,
                        sessionId,
                        "paid",
                        "pi_short",
                        100L,
                        "usd"));

        OrderSnapshot state = query(orderId);
        assertThat(state.status()).isEqualTo("pending");
        assertThat(state.flaggedForOperator()).isTrue();
        assertThat(state.detail()).contains("does not match");
        assertThat(order(orderId).status()).isEqualTo("pending");
    }

    @Test
    void anOrderFlaggedForAMismatchedPaymentIsStillCancelledWhileItsDelayedPaymentIsUnsettled() {
        String orderId = orderFlaggedForAPaymentOfOneDollar();
        String sessionId = order(orderId).stripeSessionId();
        // The customer finished checkout with a bank debit whose money has not arrived.
        fixture.stripe.payLater(sessionId);

        OrderSnapshot cancelled = orders.cancel(orderId, "not this one");

        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(order(orderId).status()).isEqualTo("cancelled");
    }

    @Test
    void aFlaggedOrderWhoseSessionStripeReportsPaidInFullIsPaidAtTheDeadline() {
        String orderId = orderFlaggedForAPaymentOfOneDollar();
        String sessionId = order(orderId).stripeSessionId();
        CheckoutSessionView paid = fixture.stripe.completeCheckoutSession(sessionId);

        // Time skipping jumps to the deadline, where Stripe's own answer is checked again.
        OrderOutcome outcome = stub(orderId).getResult(OrderOutcome.class);

        assertThat(outcome.status()).isEqualTo("paid");
        assertThat(outcome.detail()).contains("at the session deadline");
        assertThat(order(orderId).stripePaymentIntentId()).isEqualTo(paid.paymentIntent());
    }

    /** A pending order a webhook reported paid with 1.00 usd, not what it costs: flagged for an operator. */
    private String orderFlaggedForAPaymentOfOneDollar() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(1, 1))), Duration.ofSeconds(30));
        orders.deliver(
                orderId,
                new PaymentEvent(
                        "evt_short_" + orderId,
                        PaymentEvent.CHECKOUT_SESSION_COMPLETED,
                        order(orderId).stripeSessionId(),
                        "paid",
                        "pi_short",
                        100L,
                        "usd"));
        assertThat(query(orderId).flaggedForOperator()).isTrue();
        return orderId;
    }

    @Test
    void aPendingOrderWhoseWorkflowWasLostIsRecoveredAndFoundPaidAtStripe() {
        String orderId = storedOrderWithoutWorkflow();
        CheckoutSessionView paid =
                fixture.stripe.completeCheckoutSession(order(orderId).stripeSessionId());
        var recovery = new PendingOrderRecovery(
                fixture.database.jdbi().onDemand(OrderDao.class),
                orders,
                fixture.checkoutSessions,
                1_000,
                fixture.orderMetrics);

        PendingOrderRecovery.Pass first = recovery.recover(false);
        assertThat(first.resumed()).isGreaterThanOrEqualTo(1);
        assertThat(first.described())
                .as("the test server has no list visibility: every pending order is described")
                .isEqualTo(first.checked());
        assertThat(orders.withWorkflows(List.of(orderId))).isEmpty();
        assertThat(recovery.recover(false).resumed())
                .as("a second pass finds the workflow and starts none")
                .isZero();

        OrderOutcome outcome = stub(orderId).getResult(OrderOutcome.class);
        assertThat(outcome.status()).isEqualTo("paid");
        assertThat(outcome.detail()).contains("recovering");
        assertThat(order(orderId).stripePaymentIntentId()).isEqualTo(paid.paymentIntent());
        assertThat(mails(orderId)).extracting(mail -> mail.get("recipient")).containsExactly("lost@example.com");
    }

    @Test
    void aRecoveryPassReachesEveryPendingOrderNotOnlyTheFirstPage() {
        List<String> lost =
                List.of(storedOrderWithoutWorkflow(), storedOrderWithoutWorkflow(), storedOrderWithoutWorkflow());

        // A page of one: the pass must page through all of them (and any other test's pending orders).
        new PendingOrderRecovery(
                        fixture.database.jdbi().onDemand(OrderDao.class),
                        orders,
                        fixture.checkoutSessions,
                        1_000,
                        fixture.orderMetrics,
                        1)
                .recover(false);

        for (String orderId : lost) {
            assertThat(query(orderId).status()).as(orderId).isEqualTo("pending");
        }
    }

    @Test
    void aWebhookForAnOrderWithoutWorkflowStartsOneWithTheEvent() {
        String orderId = storedOrderWithoutWorkflow();
        CheckoutSessionView session =
                fixture.stripe.checkoutSession(order(orderId).stripeSessionId()).orElseThrow();
        assertThat(orders.deliver(orderId, completed("evt_lost_1", session))).isFalse();

        CheckoutSessionView paid = fixture.stripe.completeCheckoutSession(session.id());
        assertThat(orders.deliverOrResume(orderId, "usd", completed("evt_lost_2", paid)))
                .isTrue();

        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("paid");
        assertThat(changes(order(orderId)))
                .extracting(StatusChangeRecord::toStatus)
                .containsExactly("pending", "paid");
        assertThat(orders.deliverOrResume(orderId, "usd", completed("evt_lost_3", paid)))
                .as("a finished order is not started again")
                .isFalse();
    }

    @Test
    void recoveringAnOrderWhoseSessionStripeDoesNotKnowFailsItInsteadOfLeavingItPending() {
        String orderId = OrderReference.random();
        PricedOrder priced = fixture.activities.createOrder(
                new NewOrder(orderId, "ghost@example.com", "usd", List.of(new OrderLine(1, 1))));
        fixture.activities.recordCheckoutSession(
                orderId,
                new CheckoutSessionState(
                        "cs_test_unknown_to_stripe",
                        "http://nowhere.test",
                        "open",
                        "unpaid",
                        null,
                        priced.amountTotal(),
                        "usd",
                        environment.currentTimeMillis() / 1000 + 3600));

        assertThat(orders.resume(orderId, "usd")).isTrue();

        OrderOutcome outcome = stub(orderId).getResult(OrderOutcome.class);
        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.detail()).contains("Stripe does not know checkout session cs_test_unknown_to_stripe");
        assertThat(order(orderId).status()).isEqualTo("failed");
    }

    @Test
    void cancellingExpiresTheStripeSessionFirstThenCancelsTheOrder() throws IOException {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(1, 1))), Duration.ofSeconds(30));
        String sessionId = order(orderId).stripeSessionId();

        OrderSnapshot cancelled = orders.cancel(orderId, "changed my mind");

        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(cancelled.detail()).contains("changed my mind");
        assertThat(fixture.stripe.checkoutSession(sessionId).orElseThrow().status())
                .isEqualTo("expired");
        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("cancelled");
        assertThat(changes(order(orderId)))
                .extracting(StatusChangeRecord::toStatus)
                .containsExactly("pending", "cancelled");
        assertThatThrownBy(() -> orders.cancel(orderId, "again")).isInstanceOf(OrderWorkflowClient.NotRunning.class);
        recordHistory(orderId, "order-cancelled.json");
    }

    @Test
    void aPaymentThatBeatTheCancellationToStripeWinsAndTheCancelIsRefused() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(2, 1))), Duration.ofSeconds(30));
        // Paid at Stripe, its webhook not here yet.
        CheckoutSessionView paid =
                fixture.stripe.completeCheckoutSession(order(orderId).stripeSessionId());

        assertThatThrownBy(() -> orders.cancel(orderId, "too late"))
                .isInstanceOf(OrderWorkflowClient.Rejected.class)
                .hasMessageContaining("paid");

        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("paid");
        assertThat(order(orderId).stripePaymentIntentId()).isEqualTo(paid.paymentIntent());
    }

    @Test
    void aDelayedPaymentThatSettlesAfterTheCancellationIsRefundedInFullOnce() throws IOException {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(1, 2))), Duration.ofSeconds(30));
        String sessionId = order(orderId).stripeSessionId();
        // The customer finished checkout with a bank debit, then cancelled before the money arrived.
        CheckoutSessionView completing = fixture.stripe.payLater(sessionId);
        orders.deliver(orderId, completed("evt_pay_later", completing));
        assertThat(orders.cancel(orderId, "ordered twice").status()).isEqualTo("cancelled");
        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("cancelled");

        CheckoutSessionView settled = fixture.stripe.settleAsyncPayment(sessionId);
        PaymentEvent late = new PaymentEvent(
                "evt_settled_late",
                PaymentEvent.CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED,
                sessionId,
                "paid",
                settled.paymentIntent(),
                settled.amountTotal(),
                "usd");
        assertThat(orders.deliver(orderId, late))
                .as("the order's workflow has finished")
                .isFalse();
        double refundsIssued = meter(OrderMetrics.REFUNDS);
        orders.deliverToFinishedOrder(orderId, "usd", late);
        OrderOutcome reopened = stub(orderId).getResult(OrderOutcome.class);

        assertThat(meter(OrderMetrics.REFUNDS)).isEqualTo(refundsIssued + 1);
        assertThat(reopened.status()).isEqualTo("cancelled");
        assertThat(reopened.detail()).contains("arrived after the order was cancelled", "refunded 28.00 usd");
        List<RefundView> refunds = fixture.stripe.refundsForPaymentIntent(settled.paymentIntent());
        assertThat(refunds).singleElement().satisfies(refund -> {
            assertThat(refund.amount()).isEqualTo(2800);
            assertThat(refund.metadata()).containsEntry("order_id", orderId);
        });
        assertThat(refunds(orderId)).singleElement().satisfies(refund -> {
            assertThat(refund.stripeRefundId()).isEqualTo(refunds.get(0).id());
            assertThat(refund.amount()).isEqualByComparingTo("28.00");
            assertThat(refund.reason()).contains("evt_settled_late");
        });
        OrderRecord stored = order(orderId);
        assertThat(stored.status()).isEqualTo("cancelled");
        assertThat(stored.statusDetail())
                .contains("refunded 28.00 usd (" + refunds.get(0).id() + ")");
        assertThat(changes(stored)).extracting(StatusChangeRecord::toStatus).containsExactly("pending", "cancelled");
        assertThat(mails(orderId)).singleElement().satisfies(mail -> {
            assertThat(mail.get("message_id")).isEqualTo("order-" + orderId + ".late-refund@shop.test");
            assertThat(mail.get("kind")).isEqualTo("order.late-refund");
            assertThat((String) mail.get("text_body"))
                    .contains(
                            "Your payment of 28.00 USD for order " + orderId,
                            "after the order was cancelled",
                            "refunded it in full (refund " + refunds.get(0).id() + ")");
        });
        recordHistory(orderId, "order-late-payment-refunded.json");

        // Stripe delivers the event again, days later: a new run finds the refund recorded and gives nothing twice.
        orders.deliverToFinishedOrder(orderId, "usd", late);
        assertThat(stub(orderId).getResult(OrderOutcome.class).detail())
                .contains(refunds.get(0).id());
        assertThat(fixture.stripe.refundsForPaymentIntent(settled.paymentIntent()))
                .hasSize(1);
        assertThat(fixture.stripe.requestCount(StripeOperation.CREATE_REFUND)).isEqualTo(refundRequestsBefore + 1);
        assertThat(meter(OrderMetrics.REFUNDS)).as("counted once").isEqualTo(refundsIssued + 1);
        assertThat(mails(orderId)).as("told once").hasSize(1);
    }

    @Test
    void aPaymentForAnExpiredOrderIsRefundedThroughStripeFailuresWithOneRefund() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(3, 1))), Duration.ofSeconds(30));
        String sessionId = order(orderId).stripeSessionId();
        CheckoutSessionView completing = fixture.stripe.payLater(sessionId);
        // Events out of order: the session's expiry is seen first, the payment settles afterwards.
        orders.deliver(
                orderId,
                new PaymentEvent(
                        "evt_expired_first",
                        PaymentEvent.CHECKOUT_SESSION_EXPIRED,
                        sessionId,
                        "unpaid",
                        null,
                        completing.amountTotal(),
                        "usd"));
        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("expired");
        CheckoutSessionView settled = fixture.stripe.settleAsyncPayment(sessionId);

        // Stripe fails the refund with 500, then 429, then makes it but the answer is lost, then is too slow.
        fixture.stripe
                .faults()
                .failNext(StripeOperation.CREATE_REFUND, 1, 500)
                .failNext(StripeOperation.CREATE_REFUND, 1, 429)
                .failNextAfterExecuting(StripeOperation.CREATE_REFUND, 1, 500)
                .delayNext(StripeOperation.CREATE_REFUND, 1, Duration.ofSeconds(3));
        orders.deliverToFinishedOrder(
                orderId,
                "usd",
                new PaymentEvent(
                        "evt_settled_after_expiry",
                        PaymentEvent.CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED,
                        sessionId,
                        "paid",
                        settled.paymentIntent(),
                        settled.amountTotal(),
                        "usd"));

        OrderOutcome reopened = stub(orderId).getResult(OrderOutcome.class);
        assertThat(reopened.status()).isEqualTo("expired");
        assertThat(reopened.detail()).contains("arrived after the order was expired", "refunded 9.50 usd");
        assertThat(fixture.stripe.refundsForPaymentIntent(settled.paymentIntent()))
                .singleElement()
                .extracting(RefundView::amount)
                .isEqualTo(950L);
        assertThat(refunds(orderId)).hasSize(1);
        assertThat(fixture.stripe.requestCount(StripeOperation.CREATE_REFUND) - refundRequestsBefore)
                .as("500, 429, lost answer, timeout, then the replay")
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aRefundAtStripeOfAPaidOrderMarksItRefundedAndAPartialOneDoesNot() {
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(4, 1))), Duration.ofSeconds(30));
        CheckoutSessionView paid =
                fixture.stripe.completeCheckoutSession(order(orderId).stripeSessionId());
        orders.deliver(orderId, completed("evt_paid_then_refunded", paid));
        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("paid");

        // Half given back first: still paid.
        orders.deliverToFinishedOrder(
                orderId,
                "usd",
                new PaymentEvent(
                        "evt_partly_refunded",
                        PaymentEvent.CHARGE_REFUNDED,
                        null,
                        null,
                        paid.paymentIntent(),
                        4900L,
                        "usd",
                        2450L));
        OrderOutcome partly = stub(orderId).getResult(OrderOutcome.class);
        assertThat(partly.status()).isEqualTo("paid");
        assertThat(partly.detail()).contains("partly refunded", "2450 of 4900");

        // Then the operator refunds the rest in Stripe's dashboard.
        RefundView refund = fixture.stripe.refundPayment(paid.paymentIntent());
        assertThat(refund.amount()).isEqualTo(4900);
        orders.deliverToFinishedOrder(
                orderId,
                "usd",
                new PaymentEvent(
                        "evt_fully_refunded",
                        PaymentEvent.CHARGE_REFUNDED,
                        null,
                        null,
                        paid.paymentIntent(),
                        4900L,
                        "usd",
                        4900L));

        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("refunded");
        assertThat(changes(order(orderId)))
                .extracting(StatusChangeRecord::toStatus)
                .containsExactly("pending", "paid", "refunded");
        assertThat(searchAttribute(orderId, "OrderStatus")).contains("refunded");
        // A refund of some other payment changes nothing.
        orders.deliverToFinishedOrder(
                orderId,
                "usd",
                new PaymentEvent(
                        "evt_other_charge",
                        PaymentEvent.CHARGE_REFUNDED,
                        null,
                        null,
                        "pi_someone_else",
                        100L,
                        "usd",
                        100L));
        assertThat(stub(orderId).getResult(OrderOutcome.class).status()).isEqualTo("refunded");
        assertThat(changes(order(orderId))).hasSize(3);
    }

    @Test
    void aPaymentOfTheWrongAmountIsCountedForOperators() {
        double before = mismatches();
        String orderId = OrderReference.random();
        orders.startCheckout(OrderWorkflowFixture.input(orderId, List.of(new OrderLine(6, 1))), Duration.ofSeconds(30));
        CheckoutSessionView session =
                fixture.stripe.checkoutSession(order(orderId).stripeSessionId()).orElseThrow();
        orders.deliver(
                orderId,
                new PaymentEvent(
                        "evt_short_payment",
                        PaymentEvent.CHECKOUT_SESSION_COMPLETED,
                        session.id(),
                        "paid",
                        "pi_short",
                        1L,
                        "usd"));

        assertThat(query(orderId).flaggedForOperator()).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (mismatches() < before + 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(mismatches()).isEqualTo(before + 1);
        assertThat(order(orderId).status()).isEqualTo("pending");
    }

    private double mismatches() {
        return meter(OrderProgress.PAYMENT_MISMATCH_METRIC);
    }

    /** A counter's total over all its tags, or a timer's count. */
    private static double meter(String name, String... tags) {
        var search = fixture.metrics.find(name).tags(tags);
        return search.counters().stream().mapToDouble(Counter::count).sum()
                + search.timers().stream().mapToDouble(Timer::count).sum();
    }

    /** The order's rows in the outgoing mail, oldest first. */
    private List<Map<String, Object>> mails(String orderId) {
        return fixture.database
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT * FROM outgoing_mail WHERE starts_with(message_id, :prefix) ORDER BY id")
                        .bind("prefix", "order-" + orderId + ".")
                        .mapToMap()
                        .list());
    }

    private List<RefundRecord> refunds(String orderId) {
        return fixture.database
                .jdbi()
                .onDemand(RefundDao.class)
                .findByOrder(order(orderId).id());
    }

    private String storedOrderWithoutWorkflow() {
        return fixture.storedOrderWithoutWorkflow(environment.currentTimeMillis() / 1000);
    }

    private OrderSnapshot query(String orderId) {
        return client.newWorkflowStub(OrderWorkflow.class, OrderReference.workflowId(orderId))
                .state();
    }

    private WorkflowStub stub(String orderId) {
        return client.newUntypedWorkflowStub(OrderReference.workflowId(orderId));
    }

    private OrderRecord order(String orderId) {
        return fixture.database
                .jdbi()
                .onDemand(OrderDao.class)
                .findByReference(orderId)
                .orElseThrow();
    }

    private List<StatusChangeRecord> changes(OrderRecord order) {
        return fixture.database.jdbi().onDemand(OrderDao.class).findStatusChanges(order.id());
    }

    private static PaymentEvent completed(String eventId, CheckoutSessionView session) {
        return new PaymentEvent(
                eventId,
                PaymentEvent.CHECKOUT_SESSION_COMPLETED,
                session.id(),
                session.paymentStatus(),
                session.paymentIntent(),
                session.amountTotal(),
                session.currency());
    }

    private List<EventType> eventTypes(String orderId) {
        return client.fetchHistory(OrderReference.workflowId(orderId)).getEvents().stream()
                .map(HistoryEvent::getEventType)
                .toList();
    }

    private String searchAttribute(String orderId, String name) {
        var response = environment
                .getWorkflowServiceStubs()
                .blockingStub()
                .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(environment.getNamespace())
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(OrderReference.workflowId(orderId)))
                        .build());
        var payload = response.getWorkflowExecutionInfo()
                .getSearchAttributes()
                .getIndexedFieldsMap()
                .get(name);
        return payload == null
                ? null
                : DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
    }

    /**
     * Run with {@code -Dorderengine.recordHistories=true} to refresh the histories the replay test checks
     * new workflow code against; do it only for a deliberate change (before the first release, any change; after it,
     * one versioned as the README says).
     */
    private void recordHistory(String orderId, String file) throws IOException {
        if (Boolean.getBoolean("orderengine.recordHistories")) {
            Path target = Path.of("src/test/resources/histories", file);
            Files.writeString(
                    target,
                    client.fetchHistory(OrderReference.workflowId(orderId)).toJson(true));
        }
    }
}
