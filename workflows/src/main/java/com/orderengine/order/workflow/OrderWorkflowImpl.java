package com.orderengine.order.workflow;

import static com.orderengine.order.OrderStatus.CANCELLED;
import static com.orderengine.order.OrderStatus.EXPIRED;
import static com.orderengine.order.OrderStatus.FAILED;
import static com.orderengine.order.OrderStatus.PAID;
import static com.orderengine.order.OrderStatus.PENDING;
import static com.orderengine.order.OrderStatus.REFUNDED;
import static com.orderengine.order.workflow.OrderSteps.rootMessage;

import com.orderengine.order.OrderStatus;
import com.orderengine.order.activities.CheckoutSetup;
import com.orderengine.order.activities.NewOrder;
import com.orderengine.order.activities.OpenedCheckout;
import com.orderengine.order.activities.OrderActivities;
import com.orderengine.order.activities.RefundRequest;
import com.orderengine.order.activities.StoredOrder;
import com.orderengine.order.db.RefundRecord;
import com.orderengine.order.stripe.CheckoutSessionState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * An order from checkout to its final state: price it and open its Checkout Session, wait for the payment (webhooks
 * first, Stripe polled now and then in case one was lost, Stripe asked at the session's deadline), and settle what
 * arrives late (a payment after the order closed is refunded, a refund of a paid order makes it refunded).
 */
public class OrderWorkflowImpl implements OrderWorkflow {

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    /** After the session expires with a delayed payment still in flight, look again this often. */
    static final Duration ASYNC_PAYMENT_RECHECK = Duration.ofHours(24);

    private final OrderInput input;
    private final OrderSteps steps;
    private final OrderActivities activities;

    private final OrderProgress progress;
    private String checkoutFailure;
    private long deadlineMillis;
    /** One status change at a time: a cancel and a payment event may arrive together. */
    private final WorkflowLock statusLock = Workflow.newWorkflowLock();

    private final Deque<PaymentEvent> inbox = new ArrayDeque<>();
    /** Set by {@link #sessionAtStripe}: the session as the recovery pass read it at Stripe, to apply now. */
    private CheckoutSessionState sessionReported;

    /** Takes the input in the constructor so the checkout update can be validated before run() starts. */
    @WorkflowInit
    public OrderWorkflowImpl(OrderInput input) {
        this(input, OrderSteps.LOCAL_ATTEMPTS);
    }

    /** A {@code localAttempts} other than the default is for tests of the way from local to ordinary. */
    protected OrderWorkflowImpl(OrderInput input, Duration localAttempts) {
        this.input = input;
        this.steps = new OrderSteps(input.orderId(), localAttempts);
        this.activities = steps.activities;
        this.progress = new OrderProgress(input, steps);
    }

    @Override
    public OrderOutcome run(OrderInput input) {
        progress.publish();
        boolean waiting = input.recovery() ? resume() : setUpCheckout(input);
        if (!waiting) {
            return finish();
        }
        StripePollSchedule polls = StripePollSchedule.forOrder(Workflow.newRandom());
        long nextPollMillis = polls.nextPollMillis(Workflow.currentTimeMillis(), deadlineMillis);
        while (progress.status() == PENDING) {
            long wakeAt = Math.min(deadlineMillis, nextPollMillis);
            Duration untilWake = Duration.ofMillis(Math.max(0, wakeAt - Workflow.currentTimeMillis()));
            // Also wakes when a cancel (an update) has finished the order meanwhile.
            boolean woken = Workflow.await(
                    untilWake, () -> !inbox.isEmpty() || sessionReported != null || progress.status() != PENDING);
            statusLock.lock();
            try {
                if (progress.status() != PENDING) {
                    break;
                } else if (!inbox.isEmpty()) {
                    handle(inbox.removeFirst());
                } else if (woken) {
                    CheckoutSessionState reported = sessionReported;
                    sessionReported = null;
                    learnWhileWaiting(reported, "by the recovery pass after an outage");
                } else if (Workflow.currentTimeMillis() >= deadlineMillis) {
                    reconcileWithStripe();
                } else {
                    pollStripe();
                    nextPollMillis = polls.nextPollMillis(Workflow.currentTimeMillis(), deadlineMillis);
                }
            } finally {
                statusLock.unlock();
            }
        }
        return finish();
    }

    /** Prices and stores the order, creates its session; false when that failed and the order is final. */
    private boolean setUpCheckout(OrderInput input) {
        NewOrder newOrder =
                new NewOrder(input.orderId(), input.email(), input.userId(), input.currency(), input.lines());
        // Pricing, storing and the session in one local activity: the URL comes out of the workflow's first task.
        try {
            progress.note("pricing the order and creating the Stripe Checkout Session");
            // A local activity's arguments are not in the history: a workflow task retried after a crash computes
            // them again, and Stripe refuses an idempotency key sent with another expires_at. The run's start time
            // is the same in every attempt; the time of the task is not.
            long expiresAt = Workflow.getInfo().getRunStartedTimestampMillis() / 1000 + input.sessionTtlSeconds();
            OpenedCheckout opened = steps.openCheckout(new CheckoutSetup(newOrder, expiresAt));
            progress.opened(opened.order(), opened.session());
        } catch (ActivityFailure e) {
            checkoutFailure = "checkout could not be set up: " + rootMessage(e);
            log.warn("Order {}: {}", input.orderId(), checkoutFailure);
            progress.moveTo(FAILED, checkoutFailure, null);
            return false;
        }
        waitForPayment();
        return true;
    }

    /**
     * Takes over a stored order whose workflow was lost: Stripe is asked first, so a payment made meanwhile is
     * recorded at once; otherwise the order waits as before. False when there is nothing left to wait for.
     */
    private boolean resume() {
        progress.note("recovering: loading the stored order");
        StoredOrder stored = activities.loadOrder(input.orderId());
        if (stored == null || stored.session() == null) {
            checkoutFailure = "recovery found no order with a checkout session";
            progress.giveUp(stored == null ? null : stored.order(), checkoutFailure);
            return false;
        }
        progress.restored(stored.order(), stored.session(), OrderStatus.fromValue(stored.status()));
        if (progress.status() != PENDING) {
            // Started for a late event (a payment after expiry, a refund after payment): the event is in the inbox.
            return false;
        }
        CheckoutSessionState current;
        try {
            current = activities.retrieveCheckoutSession(sessionId());
        } catch (ActivityFailure e) {
            // Stripe does not know the session (another account, a reset emulator): it can never be paid.
            progress.moveTo(
                    FAILED,
                    "recovery: Stripe does not know checkout session " + sessionId() + " (" + rootMessage(e) + ")",
                    null);
            return false;
        }
        learn(
                current,
                "found paid at Stripe while recovering the order",
                EXPIRED,
                "the checkout session expired (found while recovering the order)");
        if (progress.status() != PENDING) {
            return false;
        }
        waitForPayment();
        return true;
    }

    private void waitForPayment() {
        deadlineMillis = progress.session().expiresAtEpochSecond() * 1000;
        progress.note("waiting for payment; session " + sessionId() + " expires at "
                + Instant.ofEpochSecond(progress.session().expiresAtEpochSecond()));
    }

    /**
     * Webhooks are not the only source of truth: a session Stripe reports as paid is recorded even when no
     * webhook ever arrives. A failed look is only logged; the next poll or the deadline looks again.
     */
    private void pollStripe() {
        CheckoutSessionState current;
        try {
            current = activities.retrieveCheckoutSession(sessionId());
        } catch (ActivityFailure e) {
            log.warn("Order {}: could not poll session {}: {}", input.orderId(), sessionId(), rootMessage(e));
            return;
        }
        learnWhileWaiting(current, "while waiting");
    }

    /** At the deadline Stripe is asked first: a payment whose webhook was lost is not thrown away. */
    private void reconcileWithStripe() {
        CheckoutSessionState current;
        try {
            current = activities.retrieveCheckoutSession(sessionId());
            if (current.isOpen()) {
                // Close the door before calling the order expired, so no payment can land afterwards.
                current = activities.expireCheckoutSession(input.orderId(), sessionId());
            }
        } catch (ActivityFailure e) {
            // Only a request Stripe refuses for good ends up here (outages are retried): flag it, do not guess.
            progress.flag("Stripe refused to report checkout session " + sessionId() + " at its deadline ("
                    + rootMessage(e) + ")");
            progress.moveTo(FAILED, progress.detail(), null);
            return;
        }
        learn(
                current,
                "confirmed with Stripe at the session deadline, no webhook had arrived",
                EXPIRED,
                "the checkout session expired without payment");
        if (progress.status() != PENDING) {
            return;
        }
        if (current.isPaid()) {
            // Paid, but not what the order costs: nothing left to wait for; an operator decides.
            progress.moveTo(FAILED, progress.detail(), null);
        } else if (current.isAwaitingAsyncPayment()) {
            // Completed with a delayed method whose money has not arrived: the session stays, so look again.
            deadlineMillis = Workflow.currentTimeMillis() + ASYNC_PAYMENT_RECHECK.toMillis();
            progress.note("checkout completed; the delayed payment has not settled yet, next check at "
                    + Instant.ofEpochMilli(deadlineMillis));
        } else {
            progress.moveTo(EXPIRED, "the checkout session expired without payment", null);
        }
    }

    /**
     * The session read at Stripe while waiting (a poll, the recovery pass): a payment is recorded, an expiry expires
     * the order. A payment already flagged for an operator is not checked again at every look.
     */
    private void learnWhileWaiting(CheckoutSessionState current, String when) {
        if (current.isPaid() && progress.flaggedForOperator()) {
            return;
        }
        learn(
                current,
                "confirmed with Stripe " + when + ", no webhook had arrived",
                EXPIRED,
                "the checkout session expired at Stripe (found " + when + ")");
    }

    /**
     * The one place where the session as Stripe reports it moves the order: a payment is recorded as paid
     * ({@code paidHow}) if its amount is the order's, and a session closed unpaid moves the order to {@code closed}
     * for {@code whyClosed}. Anything else (open, or completed with a delayed payment not yet settled) leaves the
     * order waiting.
     */
    private void learn(CheckoutSessionState current, String paidHow, OrderStatus closed, String whyClosed) {
        if (!current.id().equals(sessionId())) {
            log.warn(
                    "Order {}: ignored the state of session {}, not the order's {}",
                    input.orderId(),
                    current.id(),
                    sessionId());
        } else if (current.isPaid()) {
            progress.markPaid(Payment.of(current, paidHow));
        } else if (current.isExpired()) {
            progress.moveTo(closed, whyClosed, null);
        }
    }

    private void handle(PaymentEvent event) {
        if (event.sessionId() != null && !event.sessionId().equals(sessionId())) {
            log.warn(
                    "Order {}: event {} is for session {}, not ours ({}); ignored",
                    input.orderId(),
                    event.eventId(),
                    event.sessionId(),
                    sessionId());
            return;
        }
        switch (event.type()) {
            case PaymentEvent.CHECKOUT_SESSION_COMPLETED -> {
                if (event.isPayment()) {
                    progress.markPaid(Payment.of(event));
                } else {
                    // A delayed method (bank debit, voucher): the customer is done, the money is not.
                    progress.note("checkout completed; waiting for the delayed payment to settle (event "
                            + event.eventId() + ")");
                }
            }
            case PaymentEvent.CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED -> progress.markPaid(Payment.of(event));
            case PaymentEvent.CHARGE_REFUNDED ->
                log.warn(
                        "Order {}: event {} refunds a payment of an unpaid order; ignored",
                        input.orderId(),
                        event.eventId());
            case PaymentEvent.CHECKOUT_SESSION_ASYNC_PAYMENT_FAILED ->
                progress.moveTo(FAILED, "the delayed payment failed (event " + event.eventId() + ")", event.eventId());
            case PaymentEvent.CHECKOUT_SESSION_EXPIRED ->
                progress.moveTo(
                        EXPIRED,
                        "Stripe expired the checkout session (event " + event.eventId() + ")",
                        event.eventId());
            default -> log.info("Order {}: event type {} changes nothing", input.orderId(), event.type());
        }
    }

    private String sessionId() {
        return progress.session().id();
    }

    @Override
    public CheckoutLink checkout(String requestFingerprint) {
        Workflow.await(() -> progress.session() != null || checkoutFailure != null);
        if (progress.session() == null) {
            throw ApplicationFailure.newNonRetryableFailure(checkoutFailure, "CheckoutFailed");
        }
        return new CheckoutLink(input.orderId(), progress.session().url());
    }

    @Override
    public void validateCheckout(String requestFingerprint) {
        if (!input.recovery() && !Objects.equals(input.requestFingerprint(), requestFingerprint)) {
            throw new IllegalArgumentException("this Idempotency-Key was already used with a different request body");
        }
    }

    @Override
    public void validateCancel(String reason) {
        if (progress.status() == CANCELLED) {
            return; // asking twice answers the same
        }
        if (progress.status() == PAID || progress.status() == REFUNDED) {
            throw new IllegalStateException(
                    "order is " + progress.status().value() + "; a paid order cannot be cancelled");
        }
        if (progress.status().isFinal()) {
            throw new IllegalStateException(
                    "order is already " + progress.status().value());
        }
    }

    @Override
    public OrderSnapshot cancel(String reason) {
        // Until the order waits for payment (set up, or resumed after Stripe was asked) there is nothing to cancel
        // yet; deciding earlier would race the resume's own look at Stripe.
        Workflow.await(() -> deadlineMillis > 0
                || checkoutFailure != null
                || progress.status().isFinal());
        statusLock.lock();
        try {
            if (progress.status() == PENDING && progress.session() != null) {
                String why = "cancelled by the customer" + (reason == null || reason.isBlank() ? "" : ": " + reason);
                // Expired first, so no payment can land after; a payment that got there first is the order's.
                CheckoutSessionState current = activities.expireCheckoutSession(input.orderId(), sessionId());
                learn(current, "the payment completed before the cancellation reached Stripe", CANCELLED, why);
                if (progress.status() == PENDING && !current.isPaid()) {
                    // Completed with a delayed payment still in flight: cancelled all the same, and that payment
                    // is refunded if it settles (settleLateEvents).
                    progress.moveTo(CANCELLED, why, null);
                }
            }
        } finally {
            statusLock.unlock();
        }
        if (progress.status() != CANCELLED) {
            throw ApplicationFailure.newNonRetryableFailure(
                    progress.status() == PAID
                            ? "order is paid; a paid order cannot be cancelled"
                            : progress.status() == PENDING
                                    ? "the order's payment needs review by an operator"
                                    : "order is already " + progress.status().value(),
                    "CancelRefused");
        }
        return state();
    }

    @Override
    public void paymentEvent(PaymentEvent event) {
        if (!progress.firstSight(event.eventId())) {
            return;
        }
        // Kept even when the order is final: a late payment must be refunded (see settleLateEvents).
        inbox.addLast(event);
    }

    @Override
    public void sessionAtStripe(CheckoutSessionState current) {
        sessionReported = current;
    }

    @Override
    public OrderSnapshot state() {
        return progress.snapshot();
    }

    private OrderOutcome finish() {
        do {
            settleLateEvents();
            // Let a checkout update that is still waiting see the final state before the workflow closes.
            Workflow.await(Workflow::isEveryHandlerFinished);
        } while (!inbox.isEmpty());
        return new OrderOutcome(input.orderId(), progress.status().value(), progress.detail());
    }

    /**
     * Events for an order that is already final: a payment for an expired or cancelled order is refunded in full
     * (the customer paid in a tab left open, or a delayed payment settled after the cancel), and the customer is told
     * why the money comes back; a refund of a paid order makes it refunded. Everything else is only logged.
     */
    private void settleLateEvents() {
        while (!inbox.isEmpty() && progress.status().isFinal()) {
            PaymentEvent event = inbox.removeFirst();
            if (!event.concerns(progress.session(), progress.paymentIntentId())
                    || !event.actsOnFinalOrder(progress.status())) {
                log.info(
                        "Order {} is {}; event {} ({}) changes nothing",
                        input.orderId(),
                        progress.status().value(),
                        event.eventId(),
                        event.type());
            } else if (event.isPayment()) {
                refundLatePayment(event);
            } else if (event.isFullRefund()) {
                progress.moveTo(REFUNDED, "refunded at Stripe (event " + event.eventId() + ")", event.eventId());
            } else {
                progress.note("partly refunded at Stripe: " + event.amountRefunded() + " of " + event.amountTotal()
                        + " " + event.currency() + " (event " + event.eventId() + "); the order stays paid");
                log.info("Order {}: {}", input.orderId(), progress.detail());
            }
        }
    }

    private void refundLatePayment(PaymentEvent event) {
        String why = "payment " + event.paymentIntentId() + " arrived after the order was "
                + progress.status().value() + " (event " + event.eventId() + ")";
        if (event.paymentIntentId() == null) {
            progress.flag(why + " but names no payment intent to refund");
            return;
        }
        RefundRecord refund;
        try {
            refund = activities.refundPayment(new RefundRequest(input.orderId(), event.paymentIntentId(), why));
        } catch (ActivityFailure e) {
            // Only a refund Stripe refuses for good ends up here (outages are retried): a person must look.
            progress.flag(why + "; Stripe refused the refund: " + rootMessage(e));
            return;
        }
        progress.note(why + "; refunded " + refund.amount().toPlainString() + " " + refund.currency() + " ("
                + refund.stripeRefundId() + ")");
        activities.mailLateRefund(input.orderId(), refund);
    }
}
