package com.orderengine.worker;

import com.orderengine.order.workflow.OrderActivities;
import com.orderengine.order.workflow.OrderWorkflowImpl;
import com.orderengine.temporal.SearchAttributeRegistrar;
import com.orderengine.temporal.TemporalConnection;
import com.orderengine.temporal.WorkerTuning;
import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the order task queue while the process runs; on stop, finishes the tasks in hand before exiting. */
public class OrderWorker implements Managed {

    private static final Logger log = LoggerFactory.getLogger(OrderWorker.class);

    private final TemporalConnection temporal;
    private final OrderActivities activities;
    private final WorkerTuning tuning;
    private WorkerFactory factory;

    public OrderWorker(TemporalConnection temporal, OrderActivities activities, WorkerTuning tuning) {
        this.temporal = temporal;
        this.activities = activities;
        this.tuning = tuning;
    }

    @Override
    public void start() {
        SearchAttributeRegistrar.ensureRegistered(temporal.stubs(), temporal.namespace());
        factory = WorkerFactory.newInstance(temporal.client(), factoryOptions(tuning));
        var worker = factory.newWorker(temporal.taskQueue());
        worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        factory.start();
        log.info("Order worker polling task queue '{}' in namespace '{}' (workflow cache {}, {} workflow threads)",
                temporal.taskQueue(), temporal.namespace(), tuning.workflowCacheSize(), tuning.maxWorkflowThreads());
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
