package com.orderengine.worker;

import com.orderengine.order.workflow.OrderActivities;
import com.orderengine.order.workflow.OrderWorkflowImpl;
import com.orderengine.temporal.SearchAttributeRegistrar;
import com.orderengine.temporal.TemporalConnection;
import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the order task queue while the process runs; on stop, finishes the tasks in hand before exiting. */
public class OrderWorker implements Managed {

    private static final Logger log = LoggerFactory.getLogger(OrderWorker.class);

    private final TemporalConnection temporal;
    private final OrderActivities activities;
    private final Duration stickyScheduleToStartTimeout;
    private WorkerFactory factory;

    public OrderWorker(TemporalConnection temporal, OrderActivities activities, Duration stickyScheduleToStartTimeout) {
        this.temporal = temporal;
        this.activities = activities;
        this.stickyScheduleToStartTimeout = stickyScheduleToStartTimeout;
    }

    @Override
    public void start() {
        SearchAttributeRegistrar.ensureRegistered(temporal.stubs(), temporal.namespace());
        factory = WorkerFactory.newInstance(temporal.client(), WorkerFactoryOptions.newBuilder()
                .setWorkflowHostLocalTaskQueueScheduleToStartTimeout(stickyScheduleToStartTimeout)
                .setWorkerInterceptors(new OrderLogContextInterceptor())
                .build());
        var worker = factory.newWorker(temporal.taskQueue());
        worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        factory.start();
        log.info("Order worker polling task queue '{}' in namespace '{}'", temporal.taskQueue(), temporal.namespace());
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
