package com.orderengine.infrastructure.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.orderengine.infrastructure.temporal.TemporalConnection;
import com.orderengine.infrastructure.temporal.TemporalHealthCheck;
import com.orderengine.infrastructure.temporal.WorkerTuning;
import com.uber.m3.tally.Scope;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.concurrent.TimeUnit;

/** Where Temporal is and which task queue carries order workflows. */
public class TemporalFactory {

    @NotEmpty
    private String target = "127.0.0.1:7233";

    @NotEmpty
    private String namespace = "default";

    @NotEmpty
    private String taskQueue = "orders";

    /** Bounds each call to Temporal, so a webhook learns quickly that Temporal is down and can answer 503. */
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration rpcTimeout = Duration.seconds(5);

    /**
     * How long a workflow task waits on the sticky queue of the worker that ran the workflow last before Temporal
     * gives it to any worker, as it does for a worker that has died. 0 turns stickiness off: every task replays
     * the history. Temporal's Java test server never moves a task off a dead worker's queue, so a worker restart
     * behind it (the local stack's fallback when the Temporal CLI is missing) needs 0.
     */
    @MinDuration(value = 0, unit = TimeUnit.SECONDS, inclusive = true)
    private Duration stickyScheduleToStartTimeout = Duration.seconds(5);

    /**
     * How many workflows the worker keeps in memory between their tasks. A task for a workflow not in the cache
     * fetches and replays its whole history first, so a cache smaller than the number of orders awaiting payment
     * makes their webhooks slower; each entry holds a parked thread and the workflow's state.
     */
    @Min(1)
    @Max(100_000)
    private int workflowCacheSize = 600;

    /** Threads for cached and running workflows; at least the cache size, or cached workflows are evicted early. */
    @Min(1)
    @Max(100_000)
    private int maxWorkflowThreads = 600;

    @JsonProperty
    public int getWorkflowCacheSize() {
        return workflowCacheSize;
    }

    @JsonProperty
    public void setWorkflowCacheSize(int workflowCacheSize) {
        this.workflowCacheSize = workflowCacheSize;
    }

    @JsonProperty
    public int getMaxWorkflowThreads() {
        return maxWorkflowThreads;
    }

    @JsonProperty
    public void setMaxWorkflowThreads(int maxWorkflowThreads) {
        this.maxWorkflowThreads = maxWorkflowThreads;
    }

    @AssertTrue(message = "maxWorkflowThreads must be at least workflowCacheSize: each cached workflow holds a thread")
    public boolean isThreadsEnoughForCache() {
        return maxWorkflowThreads >= workflowCacheSize;
    }

    /** The settings only a worker uses. */
    public WorkerTuning workerTuning() {
        return new WorkerTuning(stickyScheduleToStartTimeout.toJavaDuration(), workflowCacheSize, maxWorkflowThreads);
    }

    @JsonProperty
    public Duration getStickyScheduleToStartTimeout() {
        return stickyScheduleToStartTimeout;
    }

    @JsonProperty
    public void setStickyScheduleToStartTimeout(Duration stickyScheduleToStartTimeout) {
        this.stickyScheduleToStartTimeout = stickyScheduleToStartTimeout;
    }

    /** How this process appears in workflow histories (e.g. a pod name); empty means the SDK's pid@host. */
    private String identity = "";

    @JsonProperty
    public String getIdentity() {
        return identity;
    }

    @JsonProperty
    public void setIdentity(String identity) {
        this.identity = identity == null ? "" : identity;
    }

    @JsonProperty
    public String getTarget() {
        return target;
    }

    @JsonProperty
    public void setTarget(String target) {
        this.target = target;
    }

    @JsonProperty
    public String getNamespace() {
        return namespace;
    }

    @JsonProperty
    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    @JsonProperty
    public String getTaskQueue() {
        return taskQueue;
    }

    @JsonProperty
    public void setTaskQueue(String taskQueue) {
        this.taskQueue = taskQueue;
    }

    @JsonProperty
    public Duration getRpcTimeout() {
        return rpcTimeout;
    }

    @JsonProperty
    public void setRpcTimeout(Duration rpcTimeout) {
        this.rpcTimeout = rpcTimeout;
    }

    /**
     * Connects lazily (start-up does not wait for Temporal), closes with the application, and adds a health check.
     * The SDK's metrics (client calls, and a worker's polls, tasks and slots) go to {@code metricsScope}.
     */
    public TemporalConnection build(Environment environment, Scope metricsScope) {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target)
                .setRpcTimeout(rpcTimeout.toJavaDuration())
                .setMetricsScope(metricsScope)
                .build());
        WorkflowClientOptions.Builder clientOptions =
                WorkflowClientOptions.newBuilder().setNamespace(namespace);
        if (!identity.isBlank()) {
            clientOptions.setIdentity(identity);
        }
        WorkflowClient client = WorkflowClient.newInstance(stubs, clientOptions.build());
        TemporalConnection connection = new TemporalConnection(stubs, client, namespace, taskQueue);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                stubs.shutdown();
                stubs.awaitTermination(5, TimeUnit.SECONDS);
            }
        });
        environment.healthChecks().register("temporal", new TemporalHealthCheck(stubs));
        return connection;
    }
}
