package com.orderengine.worker;

import com.orderengine.infrastructure.temporal.TemporalConnection;
import com.orderengine.order.OrderMetrics;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples how many tasks wait on the backlog lane (Temporal's approximate count, workflow and activity tasks) into
 * {@code orderengine_backlog_lane_depth}, and says in the log when the lane runs deep and when it has drained.
 * A few tasks come and go all the time (a late event reopening an order): only {@link #DEEP} or more is news.
 */
final class BacklogLaneMonitor implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(BacklogLaneMonitor.class);

    static final long DEEP = 20;

    private final TemporalConnection temporal;
    private final String laneTaskQueue;
    private final OrderMetrics metrics;
    private long drainingSince = -1;
    private long deepest;
    private boolean failureLogged;

    BacklogLaneMonitor(TemporalConnection temporal, String laneTaskQueue, OrderMetrics metrics) {
        this.temporal = temporal;
        this.laneTaskQueue = laneTaskQueue;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        long depth;
        try {
            depth = depth(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW) + depth(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY);
        } catch (RuntimeException e) {
            // Temporal down, or a server without task queue statistics: the gauge keeps its last value.
            if (!failureLogged) {
                log.info("Could not read the backlog lane's depth (further failures at DEBUG): {}", e.toString());
                failureLogged = true;
            } else {
                log.debug("Could not read the backlog lane's depth: {}", e.toString());
            }
            return;
        }
        metrics.laneDepth(depth);
        if (depth >= DEEP && drainingSince < 0) {
            drainingSince = System.nanoTime();
            deepest = depth;
            log.info("Backlog lane '{}' has {} tasks waiting; draining", laneTaskQueue, depth);
        } else if (depth > 0 && drainingSince >= 0) {
            deepest = Math.max(deepest, depth);
        } else if (depth == 0 && drainingSince >= 0) {
            log.info(
                    "Backlog lane '{}' drained (at most {} tasks waiting) in {} s",
                    laneTaskQueue,
                    deepest,
                    (System.nanoTime() - drainingSince) / 1_000_000_000L);
            drainingSince = -1;
        }
    }

    private long depth(TaskQueueType type) {
        return temporal.stubs()
                .blockingStub()
                .describeTaskQueue(DescribeTaskQueueRequest.newBuilder()
                        .setNamespace(temporal.namespace())
                        .setTaskQueue(
                                TaskQueue.newBuilder().setName(laneTaskQueue).build())
                        .setTaskQueueType(type)
                        .setReportStats(true)
                        .build())
                .getStats()
                .getApproximateBacklogCount();
    }
}
