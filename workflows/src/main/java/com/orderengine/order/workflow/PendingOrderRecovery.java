package com.orderengine.order.workflow;

import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.PendingOrder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every pending order must have a running workflow. This finds pending orders whose workflow does not exist (a
 * namespace was reset, an in-memory Temporal restarted, a start was lost between the database and Temporal) and
 * starts a recovery workflow for each, which asks Stripe where the session stands before waiting on.
 */
public class PendingOrderRecovery implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PendingOrderRecovery.class);

    /** Orders read per query; a pass pages through all of them. */
    static final int PAGE = 500;

    private final OrderDao orders;
    private final OrderWorkflowClient workflows;
    private final int pageSize;
    /** Whether to ask visibility first; cleared for good once the server says it has none. */
    private volatile boolean visibility = true;

    public PendingOrderRecovery(OrderDao orders, OrderWorkflowClient workflows) {
        this(orders, workflows, PAGE);
    }

    PendingOrderRecovery(OrderDao orders, OrderWorkflowClient workflows, int pageSize) {
        this.orders = orders;
        this.workflows = workflows;
        this.pageSize = pageSize;
    }

    /** What a pass did: orders checked, of those how many were described one by one, and how many resumed. */
    public record Pass(int checked, int described, int resumed) {
    }

    /**
     * Checks every pending order. Per page, one visibility query names the orders that have a workflow; only the
     * others are described one by one (all of them on a server without list visibility, the Java test server).
     */
    public Pass recover() {
        int checked = 0;
        int described = 0;
        int resumed = 0;
        List<PendingOrder> page = orders.findPending(0, pageSize);
        while (!page.isEmpty()) {
            Set<String> withWorkflow = visibility ? listedByVisibility(page) : null;
            for (PendingOrder order : page) {
                if (withWorkflow != null && withWorkflow.contains(order.reference())) {
                    continue;
                }
                described++;
                if (workflows.resume(order.reference(), order.currency())) {
                    resumed++;
                    log.info("Order {} was pending without a workflow; started a recovery workflow",
                            order.reference());
                }
            }
            checked += page.size();
            page = page.size() < pageSize ? List.of()
                    : orders.findPending(page.get(page.size() - 1).id(), pageSize);
        }
        if (resumed > 0) {
            log.warn("Recovered {} of {} pending orders whose workflow was missing", resumed, checked);
        }
        return new Pass(checked, described, resumed);
    }

    /**
     * The page's orders visibility lists with a workflow, or null to describe them all: for good on a server
     * without list visibility, for this page when the query failed (the describes still check every order).
     */
    private Set<String> listedByVisibility(List<PendingOrder> page) {
        try {
            Optional<Set<String>> listed =
                    workflows.withWorkflows(page.stream().map(PendingOrder::reference).toList());
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

    @Override
    public void run() {
        try {
            recover();
        } catch (RuntimeException e) {
            // Temporal or the database may be down for now; the next pass tries again.
            log.warn("Pending-order recovery pass failed: {}", e.toString());
        }
    }
}
