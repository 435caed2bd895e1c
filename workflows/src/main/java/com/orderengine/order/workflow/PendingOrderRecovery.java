package com.orderengine.order.workflow;

import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.PendingOrder;
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

    /** Orders read per query; a pass pages through all of them. */
    static final int PAGE = 500;

    private final OrderDao orders;
    private final OrderWorkflowClient workflows;
    private final int pageSize;

    public PendingOrderRecovery(OrderDao orders, OrderWorkflowClient workflows) {
        this(orders, workflows, PAGE);
    }

    PendingOrderRecovery(OrderDao orders, OrderWorkflowClient workflows, int pageSize) {
        this.orders = orders;
        this.workflows = workflows;
        this.pageSize = pageSize;
    }

    /** Checks every pending order; returns how many got a new workflow. */
    public int recover() {
        int resumed = 0;
        int checked = 0;
        List<PendingOrder> page = orders.findPending(0, pageSize);
        while (!page.isEmpty()) {
            for (PendingOrder order : page) {
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
