package com.orderengine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.infrastructure.temporal.WorkerTuning;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderWorkerTest {

    @Test
    void theWorkerIsBuiltWithTheConfiguredCacheThreadsAndStickyTimeout() {
        WorkerFactoryOptions options =
                OrderWorker.factoryOptions(new WorkerTuning(Duration.ofSeconds(3), 1_500, 2_000));

        assertThat(options.getWorkflowCacheSize()).isEqualTo(1_500);
        assertThat(options.getMaxWorkflowThreadCount()).isEqualTo(2_000);
        assertThat(options.getWorkflowHostLocalTaskQueueScheduleToStartTimeout())
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(options.getWorkerInterceptors()).hasExactlyElementsOfTypes(OrderLogContextInterceptor.class);
    }

    @Test
    void theBacklogLaneGetsItsFewSlotsAndItsRateLimit() {
        WorkerOptions options = OrderWorker.laneOptions(new OrderWorker.BacklogLane("orders-backlog", 3, 2, 7.5));

        assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(3);
        assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(2);
        assertThat(options.getMaxConcurrentLocalActivityExecutionSize()).isEqualTo(2);
        assertThat(options.getMaxTaskQueueActivitiesPerSecond()).isEqualTo(7.5);
    }
}
