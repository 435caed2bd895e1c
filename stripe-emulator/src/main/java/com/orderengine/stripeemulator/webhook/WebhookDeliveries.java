package com.orderengine.stripeemulator.webhook;

import com.orderengine.stripeemulator.event.EventJson;
import com.orderengine.stripeemulator.event.StripeEvent;
import com.orderengine.stripeemulator.logging.LogTagger;
import com.orderengine.stripeemulator.logging.ObjectLabels;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the webhook endpoint in the background: a delivery POSTs the event, and retries
 * with growing back-off until a 2xx or the attempts run out. At most {@link #MAX_IN_FLIGHT} requests are
 * open at once; attempts due meanwhile wait for a slot. A redelivery is another such run of the
 * same event (same id and payload, freshly signed). Without an endpoint, nothing is sent.
 *
 * <p>Signatures and attempt times use the wall clock, not the emulator's (possibly fake) clock: the
 * receiver checks the signature's timestamp against its own time.
 *
 * <p>Each attempt is logged, at INFO when delivered and at WARN when not, tagged with the labels of the
 * object the event is about (see {@link LogTagger}).
 */
public final class WebhookDeliveries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveries.class);

    /** Requests open to the endpoint at once, at most. */
    public static final int MAX_IN_FLIGHT = 32;

    private final WebhookSender sender;
    private final WebhookSigner signer;
    private final RetryPolicy policy;
    private final DeliveryLog log;
    private final Runnable onChange;
    private final Function<StripeEvent, List<ObjectLabels>> labelsOf;
    private final LogTagger tagger;
    private final Clock wallClock = Clock.systemUTC();
    private final ScheduledExecutorService scheduler;
    /** Guarded by {@code this}. */
    private final Set<Run> runs = new LinkedHashSet<>();

    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    /** Attempts due while every slot was taken, in the order they fell due. */
    private final Queue<Run> waitingForSlot = new ConcurrentLinkedQueue<>();
    /** Restored while no endpoint is configured: kept (and saved) for a later run that has one. */
    private final List<PendingDelivery> dormant = new ArrayList<>();

    private boolean closed;

    /**
     * @param url     the endpoint, or null to send nothing
     * @param labelsOf the labels of the object an event is about, to tag the log lines of its deliveries
     */
    public WebhookDeliveries(
            String url,
            String secret,
            RetryPolicy policy,
            DeliveryLog log,
            Runnable onChange,
            Function<StripeEvent, List<ObjectLabels>> labelsOf,
            LogTagger tagger) {
        this.sender = url == null ? null : new WebhookSender(url);
        this.signer = new WebhookSigner(secret);
        this.policy = policy;
        this.log = log;
        this.onChange = onChange;
        this.labelsOf = labelsOf;
        this.tagger = tagger;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stripe-emulator-webhook-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    public boolean endpointConfigured() {
        return sender != null;
    }

    /** Starts delivering a new event; does nothing without an endpoint. Never blocks. */
    public void deliver(StripeEvent event) {
        if (sender != null) {
            start(new Run(event, false, 0, labelsOf(event)));
        }
    }

    /** Delivers {@code event} once more, with its own retries. */
    public void redeliver(StripeEvent event) {
        if (sender == null) {
            throw new IllegalStateException(
                    "No webhook URL is configured, so there is nowhere to redeliver " + event.id() + " to");
        }
        start(new Run(event, true, 0, labelsOf(event)));
    }

    /**
     * Carries on with deliveries an earlier run left unfinished, each at a random moment within its next retry
     * wait: Stripe does not stop while a receiver is down, and the retries of a backlog reach it spread over
     * time, not all at the moment it comes back.
     */
    public void resume(List<PendingDelivery> pending, Function<String, Optional<StripeEvent>> events) {
        for (PendingDelivery delivery : pending) {
            Optional<StripeEvent> event = events.apply(delivery.eventId());
            if (event.isEmpty()) {
                LOG.warn("Dropping a pending delivery of unknown event {}", delivery.eventId());
            } else if (sender == null) {
                synchronized (this) {
                    dormant.add(delivery);
                }
            } else {
                Duration wait = policy.delayAfter(Math.max(1, delivery.attemptsMade()));
                start(
                        new Run(event.get(), delivery.redelivery(), delivery.attemptsMade(), labelsOf(event.get())),
                        Duration.ofMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() + 1)));
            }
        }
    }

    /** Deliveries not yet settled, to be saved and resumed after a restart. */
    public synchronized List<PendingDelivery> pending() {
        List<PendingDelivery> pending = new ArrayList<>(dormant);
        for (Run run : runs) {
            pending.add(new PendingDelivery(run.event.id(), run.attemptsMade, run.redelivery));
        }
        return pending;
    }

    public DeliveryStatus status(String eventId) {
        synchronized (this) {
            for (Run run : runs) {
                if (run.event.id().equals(eventId)) {
                    return DeliveryStatus.PENDING;
                }
            }
        }
        List<DeliveryAttempt> attempts = log.forEvent(eventId);
        if (attempts.isEmpty()) {
            return DeliveryStatus.NOT_SENT;
        }
        boolean delivered = attempts.stream().anyMatch(DeliveryAttempt::succeeded);
        return delivered ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED;
    }

    /** Waits until no delivery is under way; false if {@code timeout} passed first. */
    public synchronized boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!runs.isEmpty() && !closed) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                return false;
            }
            try {
                wait(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return runs.isEmpty();
    }

    /** Stops sending; unfinished deliveries stay pending (and are saved) rather than being abandoned. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            scheduler.shutdownNow();
            notifyAll();
        }
        if (sender != null) {
            sender.close();
        }
    }

    private void start(Run run) {
        start(run, Duration.ZERO);
    }

    private synchronized void start(Run run, Duration after) {
        if (closed) {
            return;
        }
        runs.add(run);
        onChange.run();
        scheduler.schedule(() -> attempt(run), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends now if fewer than {@link #MAX_IN_FLIGHT} requests are open to the endpoint, else queues the attempt
     * for the next free slot: a backlog of thousands goes out over a few reused connections, not thousands of
     * new ones at the same moment.
     */
    private void attempt(Run run) {
        waitingForSlot.add(run);
        dispatchWaiting();
    }

    /** Gives free slots to waiting attempts, first due first; called after every change to either. */
    private void dispatchWaiting() {
        while (!waitingForSlot.isEmpty() && inFlight.tryAcquire()) {
            Run next = waitingForSlot.poll();
            if (next == null) {
                inFlight.release();
                return;
            }
            try {
                scheduler.execute(() -> send(next));
            } catch (RejectedExecutionException e) {
                inFlight.release();
                return; // closed: the run stays pending and is saved
            }
        }
    }

    private void send(Run run) {
        long attemptedAt = wallClock.millis();
        long started = System.nanoTime();
        try {
            sender.post(run.payload, signer.signatureHeader(run.payload, attemptedAt / 1000))
                    .whenComplete((status, error) -> finished(run, attemptedAt, started, status, error));
        } catch (RuntimeException e) {
            finished(run, attemptedAt, started, null, e);
        }
    }

    private void finished(Run run, long attemptedAt, long startedNanos, Integer status, Throwable error) {
        inFlight.release();
        dispatchWaiting();
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        DeliveryAttempt attempt = log.record(new AttemptOutcome(
                run.event.id(),
                attemptedAt,
                sender.url(),
                error == null ? status : null,
                error == null ? null : describe(error),
                millis,
                run.redelivery));
        LogTagger.Scope tags = tagger.tag(run.labels);
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                run.attemptsMade++;
                // Logged before the run settles, so whoever awaits the deliveries finds the line written.
                if (attempt.succeeded() || !policy.mayRetryAfter(run.attemptsMade)) {
                    logAttempt(run, attempt, null);
                    if (!attempt.succeeded()) {
                        LOG.warn(
                                "Gave up delivering {} {} to {} after {} attempts",
                                run.event.id(),
                                run.event.type(),
                                sender.url(),
                                run.attemptsMade);
                    }
                    runs.remove(run);
                    notifyAll();
                } else {
                    Duration delay = policy.jitteredDelayAfter(run.attemptsMade, ThreadLocalRandom.current());
                    logAttempt(run, attempt, delay);
                    scheduler.schedule(() -> attempt(run), delay.toMillis(), TimeUnit.MILLISECONDS);
                }
                onChange.run();
            }
        } finally {
            tags.close();
        }
    }

    /**
     * {@code Delivered evt_… checkout.session.completed to http://… : 200 in 12 ms (attempt 1)}, or at WARN
     * what went wrong instead of the status and, if it is to be retried, when.
     */
    private static void logAttempt(Run run, DeliveryAttempt attempt, Duration retryIn) {
        String number = "(attempt " + attempt.attempt() + (attempt.redelivery() ? ", redelivery)" : ")");
        if (attempt.succeeded()) {
            LOG.info(
                    "Delivered {} {} to {} : {} in {} ms {}",
                    run.event.id(),
                    run.event.type(),
                    attempt.url(),
                    attempt.httpStatus(),
                    attempt.durationMillis(),
                    number);
            return;
        }
        String outcome = attempt.httpStatus() != null ? attempt.httpStatus().toString() : attempt.error();
        LOG.warn(
                "Could not deliver {} {} to {} : {} in {} ms {}{}",
                run.event.id(),
                run.event.type(),
                attempt.url(),
                outcome,
                attempt.durationMillis(),
                number,
                retryIn == null ? "" : ", retrying in " + retryIn.toMillis() + " ms");
    }

    private List<ObjectLabels> labelsOf(StripeEvent event) {
        try {
            return labelsOf.apply(event);
        } catch (RuntimeException e) {
            // Only the log's tag depends on it: deliver regardless.
            LOG.debug("Could not tell which object {} is about", event.id(), e);
            return List.of();
        }
    }

    /** A line for the operator: the JDK's connection errors often carry no message, so the type must speak. */
    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            message = cause instanceof ConnectException ? "could not connect" : "no detail";
        }
        return cause.getClass().getSimpleName() + ": " + message;
    }

    /** One delivery of an event: its attempts so far. Compared by identity: an event may have several. */
    private static final class Run {
        final StripeEvent event;
        final String payload;
        final boolean redelivery;
        /** The labels of the object the event is about, for the log tag. */
        final List<ObjectLabels> labels;
        /** Guarded by the enclosing instance. */
        int attemptsMade;

        Run(StripeEvent event, boolean redelivery, int attemptsMade, List<ObjectLabels> labels) {
            this.event = event;
            this.payload = EventJson.payload(event);
            this.redelivery = redelivery;
            this.attemptsMade = attemptsMade;
            this.labels = labels;
        }
    }
}
