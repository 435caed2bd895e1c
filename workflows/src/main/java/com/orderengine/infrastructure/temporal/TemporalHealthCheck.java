package com.orderengine.infrastructure.temporal;

import com.codahale.metrics.health.HealthCheck;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;

/** Healthy when the Temporal frontend answers a cheap call within two seconds. */
public class TemporalHealthCheck extends HealthCheck {

    private final WorkflowServiceStubs stubs;

    public TemporalHealthCheck(WorkflowServiceStubs stubs) {
        this.stubs = stubs;
    }

    @Override
    protected Result check() {
        try {
            stubs.blockingStub()
                    .withDeadlineAfter(2, TimeUnit.SECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            return Result.healthy();
        } catch (RuntimeException e) {
            return Result.unhealthy("Temporal unreachable: " + e.getMessage());
        }
    }
}
