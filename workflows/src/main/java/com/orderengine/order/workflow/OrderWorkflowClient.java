package com.orderengine.order.workflow;

import com.orderengine.order.OrderLine;
import com.orderengine.order.OrderReference;
import com.orderengine.order.OrderStatus;
import com.orderengine.order.stripe.CheckoutSessionState;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** How the api talks to order workflows: start one with update-with-start, forward Stripe events as signals. */
public class OrderWorkflowClient {

    /** gRPC codes that mean Temporal is down, overloaded or too slow: the caller should retry later. */
    private static final Set<Status.Code> OUTAGE_CODES = EnumSet.of(
            Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.ABORTED,
            Status.Code.CANCELLED);

    /** Threads that wait for checkout updates to be accepted; a caller gives up after its URL timeout. */
    private static final Executor UPDATE_CALLS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "checkout-update");
        thread.setDaemon(true);
        return thread;
    });

    /** Fires the deadlines of checkout calls; gRPC needs a scheduler for a context's deadline. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "checkout-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final WorkflowClient client;
    private final String taskQueue;
    private final String laneTaskQueue;

    /**
     * @param taskQueue     where live orders' workflows run: a checkout and the payment that follows
     * @param laneTaskQueue the backlog lane, where recovery workflows run (lost workflows resumed, finished orders
     *                      reopened by a late event), so a backlog of them never queues ahead of live checkouts
     */
    public OrderWorkflowClient(WorkflowClient client, String taskQueue, String laneTaskQueue) {
        this.client = client;
        this.taskQueue = taskQueue;
        this.laneTaskQueue = laneTaskQueue;
    }

    /**
     * Runs {@code calls} to Temporal under one gRPC deadline, so a caller that must answer quickly (a webhook) is
     * not held by the SDK's own retries; a call cut off by it throws {@link Unavailable}.
     */
    public <T> T within(Duration timeout, Supplier<T> calls) {
        Context.CancellableContext deadline =
                Context.current().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS, DEADLINES);
        try {
            return within(deadline, calls);
        } finally {
            deadline.cancel(null);
        }
    }

    /**
     * Starts the order's workflow, or joins it when it already runs (same Idempotency-Key), and waits for the
     * checkout URL.
     */
    public CheckoutLink startCheckout(OrderInput input, Duration urlTimeout) {
        OrderWorkflow workflow = client.newWorkflowStub(OrderWorkflow.class, startOptions(input));
        // Every call to Temporal for this checkout runs under one gRPC deadline, the URL timeout. The SDK retries
        // a failed call until its own budget (a minute) runs out, but stops at the deadline of the calling
        // context: without one, a checkout that has already answered 503 would keep a thread busy retrying.
        Context.CancellableContext deadline =
                Context.current().withDeadlineAfter(urlTimeout.toMillis(), TimeUnit.MILLISECONDS, DEADLINES);
        try {
            // The workflow's first task accepts the update and, with the set-up run as a local activity, completes
            // it too: waiting for COMPLETED gets the URL in the answer to this one call. When the server answers
            // before that (Temporal ends an update's wait after a while: 10 s for the test server), the handle
            // polls for the result, under the same deadline; the context is cancelled only once it is answered.
            return CompletableFuture.supplyAsync(
                            () -> within(
                                    deadline,
                                    () -> WorkflowClient.startUpdateWithStart(
                                            workflow::checkout,
                                            input.requestFingerprint(),
                                            UpdateOptions.<CheckoutLink>newBuilder()
                                                    .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                                                    .build(),
                                            new WithStartWorkflowOperation<>(workflow::run, input))),
                            UPDATE_CALLS)
                    .thenCompose(handle -> within(deadline, handle::getResultAsync))
                    .get(urlTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for the checkout URL", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (TimeoutException e) {
            throw translate(e);
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            deadline.cancel(null);
        }
    }

    /** Runs {@code call} with {@code context} attached, so the gRPC calls it starts carry its deadline. */
    private static <T> T within(Context context, Supplier<T> call) {
        Context previous = context.attach();
        try {
            return call.get();
        } finally {
            context.detach(previous);
        }
    }

    /** Hands the event to the order's running workflow; false when no such workflow runs (not ours, or finished). */
    public boolean deliver(String orderId, PaymentEvent event) {
        try {
            client.newWorkflowStub(OrderWorkflow.class, OrderReference.workflowId(orderId))
                    .paymentEvent(event);
            return true;
        } catch (WorkflowNotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Hands the event to the order's workflow, starting a recovery workflow for the stored order when none runs.
     * False when the order's workflow has already finished.
     */
    public boolean deliverOrResume(String orderId, String currency, PaymentEvent event) {
        OrderInput input = OrderInput.recovery(orderId, currency);
        return startedUnlessClosed(() -> signalWithStart(input, event, startOptions(input)));
    }

    /**
     * Hands a late event to an order that is already final (a payment after it expired, a refund after it was
     * paid), starting a new run of the order's workflow when the last one has finished. Only here is a finished
     * order's workflow id reused, and only for events the stored order says still matter
     * ({@link PaymentEvent#actsOnFinalOrder}).
     */
    public void deliverToFinishedOrder(String orderId, String currency, PaymentEvent event) {
        OrderInput input = OrderInput.recovery(orderId, currency);
        WorkflowOptions options = WorkflowOptions.newBuilder(startOptions(input))
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .setStaticSummary("Order " + orderId + " (reopened for " + event.type() + ")")
                .build();
        try {
            signalWithStart(input, event, options);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private void signalWithStart(OrderInput input, PaymentEvent event, WorkflowOptions options) {
        OrderWorkflow workflow = client.newWorkflowStub(OrderWorkflow.class, options);
        BatchRequest request = client.newSignalWithStartRequest();
        request.add(workflow::run, input);
        request.add(workflow::paymentEvent, event);
        client.signalWithStart(request);
    }

    /**
     * Makes sure a stored, pending order has a running workflow: starts a recovery workflow unless one runs.
     * True when one was started now.
     */
    public boolean resume(String orderId, String currency) {
        OrderInput input = OrderInput.recovery(orderId, currency);
        try {
            client.newUntypedWorkflowStub(OrderReference.workflowId(orderId)).describe();
            return false;
        } catch (RuntimeException e) {
            // Only "no execution at all under this id" goes on: the workflow was lost (an in-memory Temporal
            // restarted, say). A closed workflow is described, and stays closed.
            if (!isNotFound(e)) {
                throw translate(e);
            }
        }
        OrderWorkflow workflow = client.newWorkflowStub(OrderWorkflow.class, startOptions(input));
        return startedUnlessClosed(() -> WorkflowClient.start(workflow::run, input));
    }

    /**
     * Tells the order's running workflow where its session stands at Stripe; false when no workflow runs for it
     * (finished, or lost: {@link #resume} handles that).
     */
    public boolean reportSession(String orderId, CheckoutSessionState session) {
        try {
            client.newWorkflowStub(OrderWorkflow.class, OrderReference.workflowId(orderId))
                    .sessionAtStripe(session);
            return true;
        } catch (RuntimeException e) {
            if (isNotFound(e)) {
                return false;
            }
            throw translate(e);
        }
    }

    /**
     * Of these orders, those that have a workflow under their id, running or finished, in one visibility query.
     * Empty when the server has no list visibility (Temporal's Java test server). Visibility trails a start by a
     * moment, so an order missing from the answer still needs {@link #resume} to tell a lost workflow from a new one.
     * Ids that are not well-formed order ids are never put in the query (nor in the answer).
     */
    public Optional<Set<String>> withWorkflows(Collection<String> orderIds) {
        List<String> wellFormed =
                orderIds.stream().filter(OrderReference::isWellFormed).toList();
        if (wellFormed.isEmpty()) {
            return Optional.of(Set.of());
        }
        StringJoiner ids = new StringJoiner("', '", "WorkflowId IN ('", "')");
        // Literals in the query: only well-formed ids ([A-Za-z0-9_-]{22}) get this far.
        wellFormed.forEach(orderId -> ids.add(OrderReference.workflowId(orderId)));
        try {
            return Optional.of(client.listExecutions(ids.toString())
                    .map(execution -> OrderReference.fromWorkflowId(
                            execution.getExecution().getWorkflowId()))
                    .collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof StatusRuntimeException grpc
                        && grpc.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                    return Optional.empty();
                }
            }
            throw translate(e);
        }
    }

    /** Runs a start; false when the order's workflow had already finished (its id is never reused). */
    private static boolean startedUnlessClosed(Runnable start) {
        try {
            start.run();
            return true;
        } catch (RuntimeException e) {
            RuntimeException translated = translate(e);
            if (translated instanceof Closed) {
                return false;
            }
            throw translated;
        }
    }

    /**
     * Asks the order's running workflow to cancel it. Throws {@link Rejected} when the order may not be cancelled
     * (paid, or final), and {@link NotRunning} when no workflow runs for it.
     */
    public OrderSnapshot cancel(String orderId, String reason) {
        try {
            return client.newWorkflowStub(OrderWorkflow.class, OrderReference.workflowId(orderId))
                    .cancel(reason);
        } catch (RuntimeException e) {
            if (isNotFound(e)) {
                throw new NotRunning("no running workflow for order " + orderId, e);
            }
            throw translate(e);
        }
    }

    private WorkflowOptions startOptions(OrderInput input) {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(OrderReference.workflowId(input.orderId()))
                .setTaskQueue(input.recovery() ? laneTaskQueue : taskQueue)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                // A closed order is never started again under the same id: a late retry reads the stored order.
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(OrderSearchAttributes.ORDER_ID, input.orderId())
                        .set(OrderSearchAttributes.ORDER_STATUS, OrderStatus.PENDING.value())
                        .build())
                // Markdown in the UI: the id is code, or its "--" would show as a dash and "_" could start emphasis.
                .setStaticSummary(
                        input.recovery()
                                ? "Order `" + input.orderId() + "` (recovered)"
                                : "Order `" + input.orderId() + "` ("
                                        + input.lines().size() + " line(s), "
                                        + input.currency().toUpperCase(Locale.ROOT) + ")")
                .setStaticDetails(staticDetails(input))
                .build();
    }

    /** Product ids and quantities only: the email stays out of Temporal's visibility store. */
    private static String staticDetails(OrderInput input) {
        StringBuilder details = new StringBuilder("| product | quantity |\n|---|---|\n");
        for (OrderLine line : input.lines()) {
            details.append("| ")
                    .append(line.productId())
                    .append(" | ")
                    .append(line.quantity())
                    .append(" |\n");
        }
        return details.toString();
    }

    private static RuntimeException translate(Throwable failure) {
        if (failure instanceof OrderWorkflowClientException known) {
            return known;
        }
        if (failure instanceof TimeoutException) {
            return new Unavailable("the checkout URL was not ready in time", failure);
        }
        if (failure instanceof WorkflowUpdateException update) {
            return new Rejected(originalMessage(update), failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WorkflowExecutionAlreadyStarted) {
                return new Closed("the order's workflow has already finished", failure);
            }
            if (cause instanceof StatusRuntimeException grpc) {
                Status.Code code = grpc.getStatus().getCode();
                if (code == Status.Code.ALREADY_EXISTS) {
                    return new Closed("the order's workflow has already finished", failure);
                }
                if (OUTAGE_CODES.contains(code)) {
                    return new Unavailable("Temporal is unavailable (" + code + ")", failure);
                }
                break;
            }
        }
        // Anything else is a bug on our side (a bad request to Temporal), not an outage to retry through.
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private static boolean isNotFound(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WorkflowNotFoundException) {
                return true;
            }
            if (cause instanceof StatusRuntimeException grpc && grpc.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return true;
            }
        }
        return false;
    }

    private static String originalMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApplicationFailure application) {
                return application.getOriginalMessage();
            }
        }
        return failure.getMessage();
    }

    /** Base of what {@link OrderWorkflowClient} throws. */
    public abstract static class OrderWorkflowClientException extends RuntimeException {
        OrderWorkflowClientException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The workflow refused the checkout: a reused Idempotency-Key, or a checkout that could not be set up. */
    public static final class Rejected extends OrderWorkflowClientException {
        Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The order's workflow has finished; the stored order is the answer. */
    public static final class Closed extends OrderWorkflowClientException {
        Closed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The order has no running workflow: it has finished, or it does not exist. */
    public static final class NotRunning extends OrderWorkflowClientException {
        NotRunning(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Temporal could not be reached or did not answer in time: the caller should retry. */
    public static final class Unavailable extends OrderWorkflowClientException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
