package com.orderengine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.temporal.WorkerTuning;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderWorkerTest {

    @Test
    void theWorkerIsBuiltWithTheConfiguredCacheThreadsAndStickyTimeout() {
        WorkerFactoryOptions options = OrderWorker.factoryOptions(new WorkerTuning(Duration.ofSeconds(3), 1_500, 2_000));

        assertThat(options.getWorkflowCacheSize()).isEqualTo(1_500);
        assertThat(options.getMaxWorkflowThreadCount()).isEqualTo(2_000);
        assertThat(options.getWorkflowHostLocalTaskQueueScheduleToStartTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.getWorkerInterceptors()).hasExactlyElementsOfTypes(OrderLogContextInterceptor.class);
    }
}
