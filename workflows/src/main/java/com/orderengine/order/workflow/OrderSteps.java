package com.orderengine.order.workflow;

import com.orderengine.order.activities.CheckoutSetup;
import com.orderengine.order.activities.OpenedCheckout;
import com.orderengine.order.activities.OrderActivities;
import com.orderengine.order.activities.StatusChange;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * How an order workflow reaches the database and Stripe: its activities with their timeouts and retries, and the
 * two steps that run as local activities first (setting up the checkout, recording a status change).
 */
final class OrderSteps {

    private static final Logger log = Workflow.getLogger(OrderSteps.class);

    /** Creating the order and its session gives up after this long; the customer will have left by then. */
    static final Duration CHECKOUT_SETUP_DEADLINE = Duration.ofMinutes(10);

    /**
     * How long the local attempts at a step may take before it goes to an ordinary activity. A local activity is
     * retried inside an open workflow task that the worker keeps alive with a heartbeat (three history events each
     * 8 s), so a long outage is left to an ordinary activity, which waits without growing the history. A minute
     * covers a Stripe or database hiccup, and is four times the checkout's default URL timeout.
     */
    static final Duration LOCAL_ATTEMPTS = Duration.ofMinutes(1);

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

    /** Every activity as an ordinary one, retried until it answers (Stripe's calls with Stripe's timeout). */
    final OrderActivities activities;

    private final OrderActivities setupActivities;
    private final OrderActivities localSetup;
    private final OrderActivities localDatabase;
    private final String orderId;
    private final Duration localAttempts;

    /** {@code localAttempts} other than {@link #LOCAL_ATTEMPTS} is for tests of the way from local to ordinary. */
    OrderSteps(String orderId, Duration localAttempts) {
        this.orderId = orderId;
        this.localAttempts = localAttempts;
        this.activities = Workflow.newActivityStub(
                OrderActivities.class,
                DATABASE,
                Map.of("RetrieveCheckoutSession", STRIPE, "ExpireCheckoutSession", STRIPE, "RefundPayment", STRIPE));
        this.setupActivities = Workflow.newActivityStub(
                OrderActivities.class,
                ActivityOptions.newBuilder(DATABASE)
                        .setScheduleToCloseTimeout(CHECKOUT_SETUP_DEADLINE)
                        .build(),
                Map.of(
                        "OpenCheckout",
                        ActivityOptions.newBuilder(STRIPE)
                                .setScheduleToCloseTimeout(CHECKOUT_SETUP_DEADLINE)
                                .build()));
        // A local activity runs in the worker that runs the workflow task, inside that task: no activity task, no
        // second workflow task, no round trip through Temporal's server, and one marker in the history for its
        // outcome. Without a schedule-to-close timeout it would not be retried at all.
        LocalActivityOptions local = LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(DATABASE.getStartToCloseTimeout())
                .setScheduleToCloseTimeout(localAttempts)
                .setRetryOptions(RETRY)
                .build();
        this.localDatabase = Workflow.newLocalActivityStub(OrderActivities.class, local);
        this.localSetup = Workflow.newLocalActivityStub(
                OrderActivities.class,
                LocalActivityOptions.newBuilder(local)
                        .setStartToCloseTimeout(STRIPE.getStartToCloseTimeout())
                        .build());
    }

    OpenedCheckout openCheckout(CheckoutSetup setup) {
        return locallyFirst(
                "setting up the checkout",
                () -> localSetup.openCheckout(setup),
                () -> setupActivities.openCheckout(setup));
    }

    /**
     * Written inside the workflow task that decided the change, so a webhook moves the order to paid in one
     * workflow task. False from the activity means an earlier attempt already committed this change; the database
     * stays the record.
     */
    void recordStatusChange(StatusChange change) {
        locallyFirst(
                "recording " + change.to().value(),
                () -> localDatabase.changeStatus(change),
                () -> activities.changeStatus(change));
    }

    /**
     * The customer's confirmation goes into the outgoing mail in the same workflow task that recorded the payment,
     * as the status change does; the worker's relay sends it.
     */
    void mailConfirmation() {
        locallyFirst(
                "adding the order confirmation to the outgoing mail",
                () -> localDatabase.mailConfirmation(orderId),
                () -> activities.mailConfirmation(orderId));
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
            log.warn(
                    "Order {}: {} locally did not finish within {} ({}); going on as an ordinary activity",
                    orderId,
                    step,
                    localAttempts,
                    rootMessage(e));
            return durable.get();
        }
    }

    /** What went wrong at the bottom of an activity's failure, as Stripe or the database said it. */
    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ApplicationFailure application ? application.getOriginalMessage() : cause.getMessage();
    }
}
