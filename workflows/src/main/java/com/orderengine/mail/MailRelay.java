package com.orderengine.mail;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@code outgoing_mail} outbox: every poll it takes the mails that are due, one at a time, hands each to
 * the SMTP server and marks it sent (its bodies cleared); a mail the server did not take is tried again after 1 s,
 * doubling up to a cap, for as long as it takes: a mail is never dropped.
 *
 * <p>Any number of relays (one per worker) share the table: a mail is claimed by moving its next attempt a lease
 * ahead in the statement that picks it, so no two relays send it at the same time. Delivery is at least once: a
 * relay that stops between the server accepting a mail and marking it sent (a crash, the database unreachable at
 * that moment) leaves it claimed, and once the lease runs out it goes again, with the same Message-ID. Mail clients
 * and many servers take a second copy with a Message-ID they have as the same mail; the lease is longer than a send
 * can take, so this happens only after such a failure.
 *
 * <p>Logs name a mail by kind, Message-ID and recipient, never its bodies: they may carry single-use links.
 */
public final class MailRelay implements Managed {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    /** How long stopping waits for the mail being sent; one cut short goes again after its lease. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** How often the unsent mail is counted for the gauge. */
    static final Duration COUNT_INTERVAL = Duration.ofSeconds(5);

    /** last_error keeps the start of the server's answer: enough to tell a refusal from an outage. */
    static final int ERROR_LENGTH = 300;

    private final OutgoingMailDao outbox;
    private final SmtpMailer mailer;
    private final Duration pollInterval;
    private final Duration retryMaxDelay;
    private final Duration lease;
    private final MailMetrics metrics;

    private ScheduledExecutorService executor;
    private volatile boolean stopping;
    private long lastCountNanos;
    private boolean outboxUnreachable;

    public MailRelay(Jdbi jdbi, SmtpMailer mailer, Duration pollInterval, Duration retryMaxDelay, MailMetrics metrics) {
        this.outbox = jdbi.onDemand(OutgoingMailDao.class);
        this.mailer = mailer;
        this.pollInterval = pollInterval;
        this.retryMaxDelay = retryMaxDelay;
        this.lease = leaseFor(mailer.settings());
        this.metrics = metrics;
    }

    /**
     * Longer than sending one mail can take: connecting, then each SMTP command (EHLO, STARTTLS, AUTH, MAIL, RCPT,
     * DATA, the message, QUIT) bounded by the read timeout, with room to spare.
     */
    static Duration leaseFor(SmtpMailer.Settings settings) {
        return settings.connectTimeout()
                .plus(settings.readTimeout().multipliedBy(10))
                .plusSeconds(30);
    }

    /** 1 s after the first failure, doubling with each one after, never more than {@code max}. */
    static Duration retryDelay(int failures, Duration max) {
        if (failures >= 31) {
            return max;
        }
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.max(0, failures - 1));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    @Override
    public synchronized void start() {
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the mail being sent finish, for a while, then stops. */
    @Override
    public synchronized void stop() throws InterruptedException {
        if (executor == null) {
            return;
        }
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
        executor = null;
    }

    private void poll() {
        try {
            sendDue();
            if (System.nanoTime() - lastCountNanos >= COUNT_INTERVAL.toNanos() || lastCountNanos == 0) {
                metrics.unsent(outbox.countUnsent());
                lastCountNanos = System.nanoTime();
            }
            if (outboxUnreachable) {
                log.info("The outgoing mail is reachable again");
                outboxUnreachable = false;
            }
        } catch (RuntimeException e) {
            // The database, not the mail: said once, not at every poll while it lasts.
            if (!outboxUnreachable) {
                log.warn("Could not read or update the outgoing mail; trying again every {}: {}", pollInterval, e);
                outboxUnreachable = true;
            }
        }
    }

    /** Sends every mail that is due now, one at a time; answers how many the server took. */
    public int sendDue() {
        int sent = 0;
        while (!stopping) {
            Optional<QueuedMail> next = outbox.claimNext(lease.toMillis());
            if (next.isEmpty()) {
                break;
            }
            if (send(next.get())) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(QueuedMail queued) {
        try {
            mailer.send(queued.mail());
        } catch (Exception e) {
            int failures = queued.attempts() + 1;
            Duration retry = retryDelay(failures, retryMaxDelay);
            String error = shortError(e);
            outbox.markFailed(queued.id(), error, retry.toMillis());
            metrics.failed(queued.kind());
            log.warn(
                    "Mail {} <{}> to {} was not sent (attempt {}); trying again in {}: {}",
                    queued.kind(),
                    queued.messageId(),
                    queued.recipient(),
                    failures,
                    retry,
                    error);
            return false;
        }
        // Should this fail, the mail goes again after the lease, with the same Message-ID (see the class comment).
        outbox.markSent(queued.id());
        metrics.sent(queued.kind());
        log.info("Sent mail {} <{}> to {}", queued.kind(), queued.messageId(), queued.recipient());
        return true;
    }

    /** The exception and its causes' messages: a refusal's SMTP reply, or why the server could not be reached. */
    static String shortError(Throwable e) {
        StringBuilder error =
                new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            error.append("; ")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage());
        }
        String oneLine = error.toString().replaceAll("\\s+", " ").trim();
        return oneLine.length() <= ERROR_LENGTH ? oneLine : oneLine.substring(0, ERROR_LENGTH - 1) + "…";
    }
}
