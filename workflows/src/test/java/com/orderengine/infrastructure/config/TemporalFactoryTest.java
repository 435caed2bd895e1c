package com.orderengine.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.infrastructure.temporal.WorkerTuning;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemporalFactoryTest {

    private final Validator validator = Validators.newValidator();

    @Test
    void theDefaultsAreTheSdksAndValid() {
        TemporalFactory temporal = new TemporalFactory();

        assertThat(validator.validate(temporal)).isEmpty();
        assertThat(temporal.workerTuning()).isEqualTo(new WorkerTuning(java.time.Duration.ofSeconds(5), 600, 600));
    }

    @Test
    void theWorkerTuningCarriesTheConfiguredValues() {
        TemporalFactory temporal = new TemporalFactory();
        temporal.setWorkflowCacheSize(3_000);
        temporal.setMaxWorkflowThreads(3_200);
        temporal.setStickyScheduleToStartTimeout(Duration.seconds(0));

        assertThat(validator.validate(temporal)).isEmpty();
        assertThat(temporal.workerTuning()).isEqualTo(new WorkerTuning(java.time.Duration.ZERO, 3_000, 3_200));
    }

    @Test
    void fewerThreadsThanCachedWorkflowsIsRefused() {
        TemporalFactory temporal = new TemporalFactory();
        temporal.setWorkflowCacheSize(1_000);
        temporal.setMaxWorkflowThreads(600);

        assertThat(messages(validator.validate(temporal)))
                .containsExactly(
                        "maxWorkflowThreads must be at least workflowCacheSize: each cached workflow holds a thread");
    }

    @Test
    void aCacheOfNoWorkflowsIsRefused() {
        TemporalFactory temporal = new TemporalFactory();
        temporal.setWorkflowCacheSize(0);

        assertThat(validator.validate(temporal))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("workflowCacheSize");
    }

    private static Set<String> messages(Set<ConstraintViolation<TemporalFactory>> violations) {
        return violations.stream().map(ConstraintViolation::getMessage).collect(Collectors.toSet());
    }
}
