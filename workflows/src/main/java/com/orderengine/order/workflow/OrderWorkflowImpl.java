package com.orderengine.order.workflow;

import static com.orderengine.order.OrderStatus.CANCELLED;
import static com.orderengine.order.OrderStatus.EXPIRED;
import static com.orderengine.order.OrderStatus.FAILED;
import static com.orderengine.order.OrderStatus.PAID;
import static com.orderengine.order.OrderStatus.PENDING;
import static com.orderengine.order.OrderStatus.REFUNDED;

import com.orderengine.order.OrderStatus;
import com.orderengine.order.db.RefundRecord;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;

public class OrderWorkflowImpl implements OrderWorkflow {

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    /** After the session expires with a delayed payment still in flight, look again this often. */
    static final Duration ASYNC_PAYMENT_RECHECK = Duration.ofHours(24);

    /** Creating the order and its session gives up after this long; the customer will have left by then. */
    static final Duration CHECKOUT_SETUP_DEADLINE = Duration.ofMinutes(10);

    /**
     * While waiting, Stripe is asked about the session in case its webhook was lost: about 10 and 30 minutes after
     * the session was created (each wait ±20 %, doubling up to an hour, none in the last 10 minutes), and always
     * at the deadline. A poll costs a timer, an activity, two workflow tasks and a Stripe request, as much as the
     * checkout itself, and most sessions are never paid; so it polls twice an hour at most, spread out so that a
     * burst of checkouts does not poll in a burst.
     */
    static final Duration FIRST_STRIPE_POLL = Duration.ofMinutes(10);
    static final Duration MAX_STRIPE_POLL = Duration.ofMinutes(60);
    static final double STRIPE_POLL_JITTER = 0.2;

    /**
     * How long the local attempts at a step may take before it goes to an ordinary activity. A local activity is
     * retried inside an open workflow task that the worker keeps alive with a heartbeat (three history events each
     * 8 s), so a long outage is left to an ordinary activity, which waits without growing the history. A minute
     * covers a Stripe or database hiccup, and is four times the checkout's default URL timeout.
     */
    static final Duration LOCAL_ATTEMPTS = Duration.ofMinutes(1);

    /** Counted through the SDK's metrics scope (replay-safe), so operators can alert on payments needing a person. */
    static final String PAYMENT_MISMATCH_METRIC = "orderengine_payment_mismatch";

    private static final RetryOptions RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofMillis(500))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofSeconds(30))
            .build();

    private static final ActivityOptions DATABASE = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(RETRY)
            .build();

    /** Longer than stripe-java's 20 s read timeout, so the client gives up first and reports why. */
    private static final ActivityOptions STRIPE = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RETRY)
            .build();

    private static final ActivityOptions SETUP_DATABASE = ActivityOptions.newBuilder(DATABASE)
            .setScheduleToCloseTimeout(CHECKOUT_SETUP_DEADLINE)
            .build();

    private static final ActivityOptions SETUP_STRIPE = ActivityOptions.newBuilder(STRIPE)
            .setScheduleToCloseTimeout(CHECKOUT_SETUP_DEADLINE)
            .build();

    private final OrderInput input;
    private final Duration localAttempts;
    private final OrderActivities activities;
    private final OrderActivities setupActivities;
    private final OrderActivities localSetup;
    private final OrderActivities localDatabase;

    private OrderStatus status = PENDING;
    private String detail = "pricing the order";
    private PricedOrder order;
    private CheckoutSessionState session;
    private String checkoutFailure;
    private String paymentIntentId;
    private boolean flaggedForOperator;
    private long deadlineMillis;
    private int duplicateEvents;
    /** One status change at a time: a cancel and a payment event may arrive together. */
    private final WorkflowLock statusLock = Workflow.newWorkflowLock();
    private final Set<String> seenEventIds = new LinkedHashSet<>();
    private final Deque<PaymentEvent> inbox = new ArrayDeque<>();
    /** Set by {@link #sessionAtStripe}: the session as the recovery pass read it at Stripe, to apply now. */
    private CheckoutSessionState sessionReported;

    /** Takes the input in the constructor so the checkout update can be validated before run() starts. */
    @WorkflowInit
    public OrderWorkflowImpl(OrderInput input) {
        this(input, LOCAL_ATTEMPTS);
    }

    /** {@code localAttempts} other than {@link #LOCAL_ATTEMPTS} is for tests of the way from local to ordinary. */
    protected OrderWorkflowImpl(OrderInput input, Duration localAttempts) {
        this.input = input;
        this.localAttempts = localAttempts;
        this.activities = Workflow.newActivityStub(OrderActivities.class, DATABASE,
                Map.of("RetrieveCheckoutSession", STRIPE, "ExpireCheckoutSession", STRIPE, "RefundPayment", STRIPE));
        this.setupActivities = Workflow.newActivityStub(OrderActivities.class, SETUP_DATABASE,
                Map.of("OpenCheckout", SETUP_STRIPE, "CreateCheckoutSession", SETUP_STRIPE));
        // A local activity runs in the worker that runs the workflow task, inside that task: no activity task, no
        // second workflow task, no round trip through Temporal's server, and one marker in the history for its
        // outcome. Without a schedule-to-close timeout it would not be retried at all.
        LocalActivityOptions localDatabase = LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(DATABASE.getStartToCloseTimeout())
                .setScheduleToCloseTimeout(localAttempts)
                .setRetryOptions(RETRY)
                .build();
        this.localDatabase = Workflow.newLocalActivityStub(OrderActivities.class, localDatabase);
        this.localSetup = Workflow.newLocalActivityStub(OrderActivities.class, LocalActivityOptions
                .newBuilder(localDatabase)
                .setStartToCloseTimeout(STRIPE.getStartToCloseTimeout())
                .build());
    }

    @Override
    public OrderOutcome run(OrderInput input) {
        publishDetails();
        if (input.recovery()) {
            if (!resume()) {
                return finish();
            }
        } else if (!setUpCheckout(input)) {
            return finish();
        }

        StripePollSchedule polls =
                new StripePollSchedule(FIRST_STRIPE_POLL, MAX_STRIPE_POLL, STRIPE_POLL_JITTER, Workflow.newRandom());
        long nextPollMillis = nextPoll(polls);
        while (status == PENDING) {
            long wakeAt = Math.min(deadlineMillis, nextPollMillis);
            Duration untilWake = Duration.ofMillis(Math.max(0, wakeAt - Workflow.currentTimeMillis()));
            // Also wakes when a cancel (an update) has finished the order meanwhile.
            boolean woken = Workflow.await(untilWake,
                    () -> !inbox.isEmpty() || sessionReported != null || status != PENDING);
            statusLock.lock();
            try {
                if (status != PENDING) {
                    break;
                } else if (!inbox.isEmpty()) {
                    handle(inbox.removeFirst());
                } else if (woken) {
                    CheckoutSessionState reported = sessionReported;
                    sessionReported = null;
                    apply(reported, "found at Stripe by the recovery pass after an outage");
                } else if (Workflow.currentTimeMillis() >= deadlineMillis) {
                    reconcileWithStripe();
                } else {
                    pollStripe();
                    nextPollMillis = nextPoll(polls);
                }
            } finally {
                statusLock.unlock();
            }
        }
        return finish();
    }

    /** When to poll next; a poll that would come within 10 minutes of the deadline is left to the deadline. */
    private long nextPoll(StripePollSchedule polls) {
        long next = Workflow.currentTimeMillis() + polls.next().toMillis();
        if (next > deadlineMillis - FIRST_STRIPE_POLL.toMillis()) {
            return Long.MAX_VALUE;
        }
        return next;
    }

    /**
     * Webhooks are not the only source of truth: a session Stripe reports as paid is recorded even when no
     * webhook ever arrives. A failed look is only logged; the next poll or the deadline looks again.
     */
    private void pollStripe() {
        CheckoutSessionState current;
        try {
            current = activities.retrieveCheckoutSession(session.id());
        } catch (ActivityFailure e) {
            log.warn("Order {}: could not poll session {}: {}", input.orderId(), session.id(), rootMessage(e));
            return;
        }
        apply(current, "while waiting");
    }

    /** A session read at Stripe while waiting: a payment is recorded, an expiry expires the order. */
    private void apply(CheckoutSessionState current, String when) {
        if (!current.id().equals(session.id())) {
            log.warn("Order {}: ignored the state of session {}, not the order's {}", input.orderId(), current.id(),
                    session.id());
        } else if (current.isPaid()) {
            if (!flaggedForOperator) {
                markPaidIfAmountMatches(current, "confirmed with Stripe " + when + ", no webhook had arrived", null);
            }
        } else if ("expired".equals(current.status())) {
            moveTo(EXPIRED, "the checkout session expired at Stripe (found " + when + ")", null);
        }
    }

    /** Prices and stores the order, creates its session; false when that failed and the order is final. */
    private boolean setUpCheckout(OrderInput input) {
        NewOrder newOrder = new NewOrder(input.orderId(), input.email(), input.currency(), input.lines());
        // Pricing, storing and the session in one local activity: the URL comes out of the workflow's first task.
        try {
            detail = "pricing the order and creating the Stripe Checkout Session";
            publishDetails();
            // A local activity's arguments are not in the history: a workflow task retried after a crash computes
            // them again, and Stripe refuses an idempotency key sent with another expires_at. The run's start time
            // is the same in every attempt; the time of the task is not.
            long expiresAt = Workflow.getInfo().getRunStartedTimestampMillis() / 1000 + input.sessionTtlSeconds();
            CheckoutSetup setup = new CheckoutSetup(newOrder, expiresAt);
            OpenedCheckout opened = locallyFirst("setting up the checkout", () -> localSetup.openCheckout(setup),
                    () -> setupActivities.openCheckout(setup));
            order = opened.order();
            session = opened.session();
        } catch (ActivityFailure e) {
            checkoutFailure = "checkout could not be set up: " + rootMessage(e);
            log.warn("Order {}: {}", input.orderId(), checkoutFailure);
            moveTo(FAILED, checkoutFailure, null);
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
        detail = "recovering: loading the stored order";
        StoredOrder stored = activities.loadOrder(input.orderId());
        if (stored == null || stored.session() == null) {
            checkoutFailure = "recovery found no order with a checkout session";
            if (stored != null) {
                order = stored.order();
                moveTo(FAILED, checkoutFailure, null);
            }
            status = FAILED;
            detail = checkoutFailure;
            return false;
        }
        order = stored.order();
        session = stored.session();
        status = OrderStatus.fromValue(stored.status());
        if (status != PENDING) {
            // Started for a late event (a payment after expiry, a refund after payment): the event is in the inbox.
            paymentIntentId = session.paymentIntentId();
            detail = "reopened: the order is already " + status.value();
            Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_STATUS.valueSet(status.value()));
            publishDetails();
            return false;
        }
        CheckoutSessionState current;
        try {
            current = activities.retrieveCheckoutSession(session.id());
        } catch (ActivityFailure e) {
            // Stripe does not know the session (another account, a reset emulator): it can never be paid.
            moveTo(FAILED, "recovery: Stripe does not know checkout session " + session.id() + " ("
                    + rootMessage(e) + ")", null);
            return false;
        }
        if (current.isPaid()) {
            markPaidIfAmountMatches(current, "found paid at Stripe while recovering the order", null);
            if (status != PENDING) {
                return false;
            }
        }
        if ("expired".equals(current.status())) {
            moveTo(EXPIRED, "the checkout session expired (found while recovering the order)", null);
            return false;
        }
        waitForPayment();
        return true;
    }

    private void waitForPayment() {
        deadlineMillis = session.expiresAtEpochSecond() * 1000;
        detail = "waiting for payment; session " + session.id() + " expires at "
                + Instant.ofEpochSecond(session.expiresAtEpochSecond());
        publishDetails();
    }

    @Override
    public CheckoutLink checkout(String requestFingerprint) {
        Workflow.await(() -> session != null || checkoutFailure != null);
        if (session == null) {
            throw ApplicationFailure.newNonRetryableFailure(checkoutFailure, "CheckoutFailed");
        }
        return new CheckoutLink(input.orderId(), session.url());
    }

    @Override
    public void validateCheckout(String requestFingerprint) {
        if (!input.recovery() && !Objects.equals(input.requestFingerprint(), requestFingerprint)) {
            throw new IllegalArgumentException(
                    "this Idempotency-Key was already used with a different request body");
        }
    }

    @Override
    public void validateCancel(String reason) {
        if (status == CANCELLED) {
            return; // asking twice answers the same
        }
        if (status == PAID || status == REFUNDED) {
            throw new IllegalStateException("order is " + status.value() + "; a paid order cannot be cancelled");
        }
        if (status.isFinal()) {
            throw new IllegalStateException("order is already " + status.value());
        }
    }

    @Override
    public OrderSnapshot cancel(String reason) {
        // Until the order waits for payment (set up, or resumed after Stripe was asked) there is nothing to cancel
        // yet; deciding earlier would race the resume's own look at Stripe.
        Workflow.await(() -> deadlineMillis > 0 || checkoutFailure != null || status.isFinal());
        statusLock.lock();
        try {
            if (status == PENDING && session != null) {
                CheckoutSessionState current = activities.expireCheckoutSession(input.orderId(), session.id());
                if (current.isPaid()) {
                    markPaidIfAmountMatches(current, "the payment completed before the cancellation reached Stripe",
                            null);
                } else {
                    moveTo(CANCELLED, "cancelled by the customer" + (reason == null || reason.isBlank()
                            ? "" : ": " + reason), null);
                }
            }
        } finally {
            statusLock.unlock();
        }
        if (status != CANCELLED) {
            throw ApplicationFailure.newNonRetryableFailure(
                    status == PAID ? "order is paid; a paid order cannot be cancelled"
                            : status == PENDING ? "the order's payment needs review by an operator"
                            : "order is already " + status.value(), "CancelRefused");
        }
        return state();
    }

    @Override
    public void paymentEvent(PaymentEvent event) {
        if (!seenEventIds.add(event.eventId())) {
            duplicateEvents++;
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
        return new OrderSnapshot(
                input.orderId(),
                status.value(),
                detail,
                input.currency(),
                order == null ? null : order.total(),
                session == null ? null : session.id(),
                session == null ? null : session.url(),
                session == null ? null : session.expiresAtEpochSecond(),
                paymentIntentId,
                new ArrayList<>(seenEventIds),
                duplicateEvents,
                flaggedForOperator);
    }

    private void handle(PaymentEvent event) {
        if (event.sessionId() != null && !event.sessionId().equals(session.id())) {
            log.warn("Order {}: event {} is for session {}, not ours ({}); ignored", input.orderId(),
                    event.eventId(), event.sessionId(), session.id());
            return;
        }
        switch (event.type()) {
            case PaymentEvent.CHECKOUT_SESSION_COMPLETED -> {
                if (CheckoutSessionState.isPaid(event.paymentStatus())) {
                    markPaidIfAmountMatches(event);
                } else {
                    // A delayed method (bank debit, voucher): the customer is done, the money is not.
                    detail = "checkout completed; waiting for the delayed payment to settle (event "
                            + event.eventId() + ")";
                    publishDetails();
                }
            }
            case PaymentEvent.CHECKOUT_SESSION_ASYNC_PAYMENT_SUCCEEDED -> markPaidIfAmountMatches(event);
            case PaymentEvent.CHARGE_REFUNDED ->
                    log.warn("Order {}: event {} refunds a payment of an unpaid order; ignored", input.orderId(),
                            event.eventId());
            case PaymentEvent.CHECKOUT_SESSION_ASYNC_PAYMENT_FAILED ->
                    moveTo(FAILED, "the delayed payment failed (event " + event.eventId() + ")", event.eventId());
            case PaymentEvent.CHECKOUT_SESSION_EXPIRED ->
                    moveTo(EXPIRED, "Stripe expired the checkout session (event " + event.eventId() + ")",
                            event.eventId());
            default -> log.info("Order {}: event type {} changes nothing", input.orderId(), event.type());
        }
    }

    private void markPaidIfAmountMatches(PaymentEvent event) {
        markPaidIfAmountMatches(event.amountTotal(), event.currency(), event.paymentIntentId(),
                "event " + event.eventId(), event.eventId());
    }

    private void markPaidIfAmountMatches(CheckoutSessionState paidSession, String how, String eventId) {
        markPaidIfAmountMatches(paidSession.amountTotal(), paidSession.currency(), paidSession.paymentIntentId(),
                how, eventId);
    }

    /** Every way a payment is learnt of goes through here: the amount and currency must be the order's. */
    private void markPaidIfAmountMatches(Long amountTotal, String currency, String paidWith, String how,
            String eventId) {
        boolean amountMatches = amountTotal == null || amountTotal == order.amountTotal();
        boolean currencyMatches = currency == null || currency.equalsIgnoreCase(order.currency());
        if (!amountMatches || !currencyMatches) {
            flaggedForOperator = true;
            detail = "NEEDS REVIEW: payment of " + amountTotal + " " + currency
                    + " does not match the order's " + order.amountTotal() + " " + order.currency()
                    + " (" + how + "); not marked paid";
            log.error("Order {}: {}", input.orderId(), detail);
            Workflow.getMetricsScope().counter(PAYMENT_MISMATCH_METRIC).inc(1);
            publishDetails();
            return;
        }
        paymentIntentId = paidWith;
        moveTo(PAID, "paid (" + how + ")", eventId);
    }

    /** At the deadline Stripe is asked first: a payment whose webhook was lost is not thrown away. */
    private void reconcileWithStripe() {
        CheckoutSessionState current;
        try {
            current = activities.retrieveCheckoutSession(session.id());
            if (current.isOpen()) {
                // Close the door before calling the order expired, so no payment can land afterwards.
                current = activities.expireCheckoutSession(input.orderId(), session.id());
            }
        } catch (ActivityFailure e) {
            // Only a request Stripe refuses for good ends up here (outages are retried): flag it, do not guess.
            flaggedForOperator = true;
            moveTo(FAILED, "NEEDS REVIEW: Stripe refused to report checkout session " + session.id()
                    + " at its deadline (" + rootMessage(e) + ")", null);
            return;
        }
        if (current.isPaid()) {
            markPaidIfAmountMatches(current, "confirmed with Stripe at the session deadline, no webhook had arrived",
                    null);
            if (status == PENDING) {
                // Paid, but not what the order costs: nothing left to wait for; an operator decides.
                moveTo(FAILED, detail, null);
            }
        } else if (current.isAwaitingAsyncPayment()) {
            deadlineMillis = Workflow.currentTimeMillis() + ASYNC_PAYMENT_RECHECK.toMillis();
            detail = "checkout completed; the delayed payment has not settled yet, next check at "
                    + Instant.ofEpochMilli(deadlineMillis);
            publishDetails();
        } else {
            moveTo(EXPIRED, "the checkout session expired without payment", null);
        }
    }

    private void moveTo(OrderStatus next, String why, String stripeEventId) {
        if (!status.canMoveTo(next)) {
            log.warn("Order {}: {} -> {} is not allowed; ignored", input.orderId(), status.value(), next.value());
            return;
        }
        if (order != null) {
            recordStatusChange(new StatusChange(input.orderId(), next, why, stripeEventId, paymentIntentId));
        }
        status = next;
        detail = why;
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_STATUS.valueSet(next.value()));
        publishDetails();
    }

    /**
     * Writes a status change with a local activity, inside the workflow task that decided it, so a webhook moves
     * the order to paid in one workflow task. False from the activity means an earlier attempt already committed
     * this change; the database stays the record.
     */
    private void recordStatusChange(StatusChange change) {
        locallyFirst("recording " + change.to().value(), () -> localDatabase.changeStatus(change),
                () -> activities.changeStatus(change));
    }

    /**
     * Runs a step as a local activity and, when its local attempts ran out without a final answer, once more as an
     * ordinary activity, which waits out a long outage of Stripe or the database. Every step is idempotent, so the
     * second try repeats nothing the first one did. A failure Stripe or the database gives for good is not tried
     * again.
     */
    private <T> T locallyFirst(String step, Supplier<T> local, Supplier<T> durable) {
        try {
            return local.get();
        } catch (ActivityFailure e) {
            if (e.getCause() instanceof ApplicationFailure failure && failure.isNonRetryable()) {
                throw e;
            }
            log.warn("Order {}: {} locally did not finish within {} ({}); going on as an ordinary activity",
                    input.orderId(), step, localAttempts, rootMessage(e));
            return durable.get();
        }
    }

    private OrderOutcome finish() {
        do {
            settleLateEvents();
            // Let a checkout update that is still waiting see the final state before the workflow closes.
            Workflow.await(Workflow::isEveryHandlerFinished);
        } while (!inbox.isEmpty());
        return new OrderOutcome(input.orderId(), status.value(), detail);
    }

    /**
     * Events for an order that is already final: a payment for an expired or cancelled order is refunded in full
     * (the customer paid in a tab left open, or a delayed payment settled after the cancel); a refund of a paid
     * order makes it refunded. Everything else is only logged.
     */
    private void settleLateEvents() {
        while (!inbox.isEmpty() && status.isFinal()) {
            PaymentEvent event = inbox.removeFirst();
            if (!concernsThisOrder(event) || !event.actsOnFinalOrder(status)) {
                log.info("Order {} is {}; event {} ({}) changes nothing", input.orderId(), status.value(),
                        event.eventId(), event.type());
            } else if (event.isPayment()) {
                refundLatePayment(event);
            } else if (event.isFullRefund()) {
                moveTo(REFUNDED, "refunded at Stripe (event " + event.eventId() + ")", event.eventId());
            } else {
                detail = "partly refunded at Stripe: " + event.amountRefunded() + " of " + event.amountTotal() + " "
                        + event.currency() + " (event " + event.eventId() + "); the order stays paid";
                log.info("Order {}: {}", input.orderId(), detail);
                publishDetails();
            }
        }
    }

    private boolean concernsThisOrder(PaymentEvent event) {
        if (PaymentEvent.CHARGE_REFUNDED.equals(event.type())) {
            return paymentIntentId != null && paymentIntentId.equals(event.paymentIntentId());
        }
        return session != null && (event.sessionId() == null || event.sessionId().equals(session.id()));
    }

    private void refundLatePayment(PaymentEvent event) {
        String why = "payment " + event.paymentIntentId() + " arrived after the order was " + status.value()
                + " (event " + event.eventId() + ")";
        if (event.paymentIntentId() == null) {
            flaggedForOperator = true;
            detail = "NEEDS REVIEW: " + why + " but names no payment intent to refund";
            log.error("Order {}: {}", input.orderId(), detail);
            publishDetails();
            return;
        }
        try {
            RefundRecord refund = activities.refundPayment(
                    new RefundRequest(input.orderId(), event.paymentIntentId(), why));
            detail = why + "; refunded " + refund.amount().toPlainString() + " " + refund.currency() + " ("
                    + refund.stripeRefundId() + ")";
        } catch (ActivityFailure e) {
            // Only a refund Stripe refuses for good ends up here (outages are retried): a person must look.
            flaggedForOperator = true;
            detail = "NEEDS REVIEW: " + why + "; Stripe refused the refund: " + rootMessage(e);
            log.error("Order {}: {}", input.orderId(), detail);
        }
        publishDetails();
    }

    private void publishDetails() {
        StringBuilder details = new StringBuilder()
                .append("**").append(status.value()).append("**: ").append(detail);
        if (order != null) {
            details.append("\n\nTotal ").append(order.total().toPlainString()).append(' ')
                    .append(order.currency().toUpperCase(java.util.Locale.ROOT))
                    .append(", ").append(order.lines().size()).append(" line(s)");
        }
        if (session != null) {
            details.append("\n\nCheckout Session `").append(session.id()).append('`');
        }
        if (!seenEventIds.isEmpty()) {
            details.append("\n\nStripe events: ").append(seenEventIds.size())
                    .append(" seen, ").append(duplicateEvents).append(" duplicate deliveries ignored");
        }
        Workflow.setCurrentDetails(details.toString());
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ApplicationFailure application ? application.getOriginalMessage() : cause.getMessage();
    }
}
