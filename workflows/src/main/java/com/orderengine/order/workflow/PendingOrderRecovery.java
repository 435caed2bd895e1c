package com.orderengine.order.workflow;

import com.orderengine.order.db.OrderDao;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every pending order must have a running workflow. This finds pending orders whose workflow does not exist (an
 * in-memory Temporal restarted, a namespace was reset) and starts a recovery workflow for each, which asks Stripe
 * where the session stands before waiting on.
 */
public class PendingOrderRecovery implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PendingOrderRecovery.class);

    /** Oldest first, at most this many per pass; a later pass takes the rest. */
    static final int BATCH = 1_000;

    private final OrderDao orders;
    private final OrderWorkflowClient workflows;
    private final String currency;

    public PendingOrderRecovery(OrderDao orders, OrderWorkflowClient workflows, String currency) {
        this.orders = orders;
        this.workflows = workflows;
        this.currency = currency;
    }

    /** Returns how many orders got a new workflow. */
    public int recover() {
        List<String> pending = orders.findPendingReferences(BATCH);
        int resumed = 0;
        for (String orderId : pending) {
            if (workflows.resume(orderId, currency)) {
                resumed++;
                log.info("Order {} was pending without a workflow; started a recovery workflow", orderId);
            }
        }
        if (resumed > 0) {
            log.warn("Recovered {} of {} pending orders whose workflow was missing", resumed, pending.size());
        }
        return resumed;
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
