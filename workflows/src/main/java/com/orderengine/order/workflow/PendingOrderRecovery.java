package com.orderengine.order.workflow;

import com.google.common.util.concurrent.RateLimiter;
import com.orderengine.order.OrderMetrics;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.PendingOrder;
import com.orderengine.order.stripe.CheckoutSessionState;
import com.orderengine.order.stripe.StripeCheckoutSessions;
import com.stripe.exception.StripeException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every pending order must have a running workflow, and after an outage every pending order must learn what
 * happened at Stripe meanwhile. A pass pages through the pending orders at a bounded pace, so a backlog of
 * thousands never crowds out live checkouts:
 * <ul>
 * <li>an order whose workflow does not exist (a namespace was reset, an in-memory Temporal restarted, a start was
 * lost between the database and Temporal) gets a recovery workflow on the backlog lane, which asks Stripe where
 * the session stands before waiting on;</li>
 * <li>in the first pass after start-up, each order's session is read at Stripe, and the workflow of an order whose
 * session was paid or expired is told so: its webhooks may have gone undelivered while the shop was down, and
 * Stripe's retries of them may be hours apart. Orders whose session is still open (most of them, usually) cost one
 * Stripe read and nothing in Temporal.</li>
 * </ul>
 */
public class PendingOrderRecovery implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PendingOrderRecovery.class);

    /** Orders read per query; a pass pages through all of them. */
    static final int PAGE = 500;

    private final OrderDao orders;
    private final OrderWorkflowClient workflows;
    private final StripeCheckoutSessions sessions;
    private final RateLimiter pace;
    private final OrderMetrics metrics;
    private final int pageSize;
    /** Whether to ask visibility first; cleared for good once the server says it has none. */
    private volatile boolean visibility = true;

    private final AtomicBoolean firstPass = new AtomicBoolean(true);

    /** @param ordersPerSecond how many pending orders a pass checks per second at most */
    public PendingOrderRecovery(
            OrderDao orders,
            OrderWorkflowClient workflows,
            StripeCheckoutSessions sessions,
            double ordersPerSecond,
            OrderMetrics metrics) {
        this(orders, workflows, sessions, ordersPerSecond, metrics, PAGE);
    }

    PendingOrderRecovery(
            OrderDao orders,
            OrderWorkflowClient workflows,
            StripeCheckoutSessions sessions,
            double ordersPerSecond,
            OrderMetrics metrics,
            int pageSize) {
        this.orders = orders;
        this.workflows = workflows;
        this.sessions = sessions;
        this.pace = RateLimiter.create(ordersPerSecond);
        this.metrics = metrics;
        this.pageSize = pageSize;
    }

    /**
     * What a pass did: orders checked, of those how many were described one by one, how many resumed (a recovery
     * workflow started) and how many running workflows were told their session had moved.
     */
    public record Pass(int checked, int described, int resumed, int reported) {}

    /**
     * Checks every pending order. Per page, one visibility query names the orders that have a workflow; only the
     * others are described one by one (all of them on a server without list visibility, the Java test server).
     *
     * @param askRunning also ask each running workflow to check Stripe now (after an outage)
     */
    public Pass recover(boolean askRunning) {
        long started = System.nanoTime();
        int total = orders.countPending();
        if (total == 0) {
            return new Pass(0, 0, 0, 0);
        }
        boolean backlog = askRunning || total >= pageSize;
        if (backlog) {
            log.info(
                    "Draining a backlog: checking {} pending orders at {}/s (about {} s){}",
                    total,
                    pace.getRate(),
                    Math.round(total / pace.getRate()),
                    askRunning
                            ? ", each one's session read at Stripe for payments and expiries while the shop was down"
                            : "");
        }
        metrics.recoveryPending(total);
        int checked = 0;
        int described = 0;
        int resumed = 0;
        int reported = 0;
        List<PendingOrder> page = orders.findPending(0, pageSize);
        while (!page.isEmpty()) {
            Set<String> withWorkflow = visibility ? listedByVisibility(page) : null;
            for (PendingOrder order : page) {
                pace.acquire();
                boolean listed = withWorkflow != null && withWorkflow.contains(order.reference());
                if (!listed) {
                    described++;
                    if (workflows.resume(order.reference(), order.currency())) {
                        resumed++;
                        metrics.recovery(OrderMetrics.RecoveryAction.RESUMED);
                        log.info(
                                "Order {} was pending without a workflow; started a recovery workflow",
                                order.reference());
                        metrics.recoveryPending(total - ++checked);
                        continue;
                    }
                }
                CheckoutSessionState moved = askRunning ? movedSession(order) : null;
                if (moved != null && workflows.reportSession(order.reference(), moved)) {
                    reported++;
                    metrics.recovery(OrderMetrics.RecoveryAction.SESSION_REPORTED);
                }
                metrics.recoveryPending(total - ++checked);
            }
            page = page.size() < pageSize
                    ? List.of()
                    : orders.findPending(page.get(page.size() - 1).id(), pageSize);
        }
        metrics.recoveryPending(0);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (backlog || resumed > 0) {
            log.info(
                    "Backlog handed over: {} pending orders checked in {} s; {} resumed on the backlog lane, {} "
                            + "told their session was paid or expired at Stripe",
                    checked,
                    took.toSeconds(),
                    resumed,
                    reported);
        }
        return new Pass(checked, described, resumed, reported);
    }

    /**
     * The order's session when Stripe has news the workflow acts on (paid, or expired), else null; also null when
     * Stripe cannot say now, which the workflow's own polls and deadline cover.
     */
    private CheckoutSessionState movedSession(PendingOrder order) {
        try {
            CheckoutSessionState session = sessions.retrieve(order.stripeSessionId());
            return session.isPaid() || session.isExpired() ? session : null;
        } catch (StripeException | RuntimeException e) {
            log.info(
                    "Order {}: could not read session {} at Stripe ({}); its workflow's polls will",
                    order.reference(),
                    order.stripeSessionId(),
                    e.toString());
            return null;
        }
    }

    /**
     * The page's orders visibility lists with a workflow, or null to describe them all: for good on a server
     * without list visibility, for this page when the query failed (the describes still check every order).
     */
    private Set<String> listedByVisibility(List<PendingOrder> page) {
        try {
            Optional<Set<String>> listed = workflows.withWorkflows(
                    page.stream().map(PendingOrder::reference).toList());
            if (listed.isEmpty()) {
                visibility = false;
                log.info("Temporal has no list visibility here; pending orders are checked one by one");
            }
            return listed.orElse(null);
        } catch (RuntimeException e) {
            log.warn("Visibility query failed ({}); checking this page's pending orders one by one", e.toString());
            return null;
        }
    }

    /** The first pass after start-up also asks running workflows to check Stripe; a failed one is tried again. */
    @Override
    public void run() {
        try {
            recover(firstPass.get());
            firstPass.set(false);
        } catch (RuntimeException e) {
            metrics.recoveryPending(0);
            // Temporal or the database may be down for now; the next pass tries again.
            log.warn("Pending-order recovery pass failed: {}", e.toString());
        }
    }
}
