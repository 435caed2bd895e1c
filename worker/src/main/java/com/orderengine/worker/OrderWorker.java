package com.orderengine.worker;

import com.orderengine.infrastructure.temporal.SearchAttributeRegistrar;
import com.orderengine.infrastructure.temporal.TemporalConnection;
import com.orderengine.infrastructure.temporal.WorkerTuning;
import com.orderengine.order.activities.OrderActivities;
import com.orderengine.order.workflow.OrderWorkflowImpl;
import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the order task queue and the backlog lane while the process runs; on stop, finishes the tasks in hand before exiting. */
public class OrderWorker implements Managed {

    private static final Logger log = LoggerFactory.getLogger(OrderWorker.class);

    private final TemporalConnection temporal;
    private final OrderActivities activities;
    private final WorkerTuning tuning;
    private final BacklogLane lane;
    private WorkerFactory factory;

    /** The backlog lane's task queue and how much of the worker it may use. */
    public record BacklogLane(String taskQueue, int workflowTaskSlots, int activitySlots, double activitiesPerSecond) {}

    public OrderWorker(TemporalConnection temporal, OrderActivities activities, WorkerTuning tuning, BacklogLane lane) {
        this.temporal = temporal;
        this.activities = activities;
        this.tuning = tuning;
        this.lane = lane;
    }

    @Override
    public void start() {
        SearchAttributeRegistrar.ensureRegistered(temporal.stubs(), temporal.namespace());
        factory = WorkerFactory.newInstance(temporal.client(), factoryOptions(tuning));
        var live = factory.newWorker(temporal.taskQueue());
        live.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        live.registerActivitiesImplementations(activities);
        var backlog = factory.newWorker(lane.taskQueue(), laneOptions(lane));
        backlog.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        backlog.registerActivitiesImplementations(activities);
        factory.start();
        log.info(
                "Order worker polling task queue '{}' in namespace '{}' (workflow cache {}, {} workflow threads); "
                        + "backlog lane '{}' with {} workflow task and {} activity slots, {} activities/s",
                temporal.taskQueue(),
                temporal.namespace(),
                tuning.workflowCacheSize(),
                tuning.maxWorkflowThreads(),
                lane.taskQueue(),
                lane.workflowTaskSlots(),
                lane.activitySlots(),
                lane.activitiesPerSecond());
    }

    /**
     * Few slots and a rate limit for the lane, however deep its queue: what it cannot take stays waiting in
     * Temporal, not in this process, and the live queue keeps the rest of the worker.
     */
    static WorkerOptions laneOptions(BacklogLane lane) {
        return WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(Math.max(2, lane.workflowTaskSlots()))
                .setMaxConcurrentActivityExecutionSize(lane.activitySlots())
                .setMaxConcurrentLocalActivityExecutionSize(lane.activitySlots())
                .setMaxTaskQueueActivitiesPerSecond(lane.activitiesPerSecond())
                .setMaxConcurrentWorkflowTaskPollers(2)
                .setMaxConcurrentActivityTaskPollers(1)
                .build();
    }

    static WorkerFactoryOptions factoryOptions(WorkerTuning tuning) {
        return WorkerFactoryOptions.newBuilder()
                .setWorkflowHostLocalTaskQueueScheduleToStartTimeout(tuning.stickyScheduleToStartTimeout())
                .setWorkflowCacheSize(tuning.workflowCacheSize())
                .setMaxWorkflowThreadCount(tuning.maxWorkflowThreads())
                .setWorkerInterceptors(new OrderLogContextInterceptor())
                .build();
    }

    @Override
    public void stop() throws InterruptedException {
        if (factory != null) {
            factory.shutdown();
            factory.awaitTermination(30, TimeUnit.SECONDS);
            if (!factory.isTerminated()) {
                log.warn("Activities still running after 30 s; stopping anyway (Temporal retries them)");
                factory.shutdownNow();
            }
        }
    }
}
